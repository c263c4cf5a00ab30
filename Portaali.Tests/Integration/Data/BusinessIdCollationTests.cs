using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Data;

/// <summary>
/// A college's PostgreSQL may be created with its language's collation rather than the test cluster's C.UTF-8. Finnish
/// collations that skip punctuation at first (glibc's fi_FI, ICU's "shifted" alternate handling) order "0737546-2" as
/// if it were "07375462", and glibc's give no place to the U+FFFF that ends the customer search's prefix range. The
/// Business ID column is therefore in the C collation on PostgreSQL (migration BusinessIdCollation): its ranges are byte
/// ranges whatever the database's collation. This runs the search on a database created with such a collation (ICU's:
/// Debian's image has no glibc fi_FI locale). ICU's shifted ordering still puts U+FFFF last, so the search alone would pass
/// here without the C collation too; the column's collation is therefore checked as well, which fails if it is lost.
/// </summary>
public class BusinessIdCollationTests
{
    [Fact]
    public async Task Every_prefix_of_a_business_id_finds_the_customer_on_a_database_with_a_finnish_collation_that_skips_punctuation()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider.PostgreSql, postgreSqlLocale: "fi-FI-u-ka-shifted");
        await h.SignInAsAsync(UserGroup.AccountManager);
        await h.AddCustomerAsync("Äänekosken Kuljetus Oy", "0737546-2");
        await h.AddCustomerAsync("Äänekosken Kuljetus Itä Oy", "0737547-0");

        foreach (var typed in new[] { "0737", "073754", "0737546", "0737546-", "0737546-2" })
        {
            var found = await h.Customers.SearchAsync(new CustomerQuery { Text = typed });
            Assert.Contains("Äänekosken Kuljetus Oy", found.Items.Select(c => c.Name));
        }
        var exact = await h.Customers.SearchAsync(new CustomerQuery { Text = "0737546-" });
        Assert.Equal(["Äänekosken Kuljetus Oy"], exact.Items.Select(c => c.Name));

        await using var db = h.Db();
        var collation = await db.Database.SqlQueryRaw<string>("""
            SELECT collation_name AS "Value" FROM information_schema.columns WHERE table_name = 'Customers' AND column_name = 'BusinessId'
            """).SingleAsync();
        Assert.Equal("C", collation);
    }
}
