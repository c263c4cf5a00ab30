using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Customers;

/// <summary>The customer search through its name indexes (migration CustomerNameSearch) finds what the plain LIKE search
/// found and the indexes follow every change (the plans that keep the hot queries on their indexes at 100,000 customers:
/// <see cref="CustomerNameIndexPlanTests"/>).</summary>
/// <remarks>The seeds are made once per class (<see cref="SeededTemplates"/>) and copied into each test's database.</remarks>
public class CustomerNameIndexTests(SeededTemplates templates) : HarnessTest, IClassFixture<SeededTemplates>
{
    /// <summary>Starts the test from a copy of the database <paramref name="seed"/> made, signed in as its account manager.</summary>
    private async Task StartFromAsync(string name, Func<CoreHarness, Task> seed)
    {
        await H.UseDatabaseFromAsync(await templates.GetAsync(name, seed, DatabaseProvider));
        await H.SignInAsAsync(UserGroup.AccountManager);
    }

    private Task SeedAsync() => StartFromAsync(nameof(SeedAsync), SeedFewAsync);

    internal static async Task SeedFewAsync(CoreHarness H)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await H.AddCustomerAsync("Espoon Sähkötyö Oy", "0737546-2", "049");
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", "0112038-9", "092");
        await H.AddContactAsync(bakery.Id, "Päivi", "Hämäläinen");
        await H.AddCustomerAsync("Kukkakauppa Orvokki Ky", "1927400-1", "186"); // Järvenpää
        await H.AddCustomerAsync("Lopettanut Sähkö Oy", null, "091", passive: true);
        var logistics = await H.AddCustomerAsync("Ahosen Logistiikka Oy", null, "091",
            configure: c => c.ExternalNumbers.Add(new ExternalNumber { System = "TOP", Number = "TOP-10042" }));
        await H.AddContactAsync(logistics.Id, "Riikka", "Laine");
        await H.AddCustomerAsync("ÖLJY-ÄIJÄT AB", "2345678-2", "837");
        await H.AddCustomerAsync("Kahvila Öljymäki", null, null);
        await H.AddCustomerAsync("Ab Oy Kk", null, "091");
        await H.AddCustomerAsync("Tmi Ek", BusinessId.Create("0200000"), "091");
    }

    /// <summary>The search as it was before the name indexes: every word by LIKE over the name or one contact's name, or
    /// the start of a Business ID, a municipality by name, an external number.</summary>
    private async Task<List<int>> FoundBeforeAsync(string text)
    {
        var term = CustomerRules.SearchForm(text);
        var businessId = BusinessId.Normalize(text) ?? term;
        var codes = Municipalities.All.Where(m => m.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase)).Select(m => m.Code).ToList();
        var words = term.Replace("%", "").Replace("_", "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(4).Select(w => "%" + w + "%").Concat(Enumerable.Repeat("%", 4)).Take(4).ToArray();
        var (w1, w2, w3, w4) = (words[0], words[1], words[2], words[3]);
        await using var db = H.Db();
        return await db.Customers.Where(c => (EF.Functions.Like(c.NameSearch, w1) && EF.Functions.Like(c.NameSearch, w2)
                && EF.Functions.Like(c.NameSearch, w3) && EF.Functions.Like(c.NameSearch, w4))
            || (c.BusinessId != null && c.BusinessId.StartsWith(businessId))
            || codes.Contains(c.MunicipalityCode!)
            || c.Contacts.Any(p => EF.Functions.Like(p.NameSearch, w1) && EF.Functions.Like(p.NameSearch, w2)
                && EF.Functions.Like(p.NameSearch, w3) && EF.Functions.Like(p.NameSearch, w4))
            || c.ExternalNumbers.Any(n => n.Number == text.Trim()))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }

    private async Task<List<string>> FoundAsync(string text) =>
        (await H.Customers.SearchAsync(new CustomerQuery { Text = text, IncludePassive = true, PageSize = 100 })).Items.Select(r => r.Name).ToList();

    private async Task<List<int>> FoundIdsAsync(string text) =>
        (await H.Customers.SearchAsync(new CustomerQuery { Text = text, IncludePassive = true, PageSize = 100 })).Items.Select(r => r.Id).Order().ToList();

    [Theory]
    [InlineData("sähkö")] [InlineData("SÄHKÖTYÖ")] [InlineData("ähköty")] [InlineData("espoon sÄhkÖ")] [InlineData("sähkö espoon")]
    [InlineData("öljy")] [InlineData("Öljy-äijät")] [InlineData("äijä öljy")] [InlineData("ljymäk")]
    [InlineData("hämäläinen")] [InlineData("Hämäläinen Päivi")] [InlineData("laine riikka")] [InlineData("leipomo riikka")]
    [InlineData("0737546-2")] [InlineData("737546-2")] [InlineData("07375462")] [InlineData("0737")] [InlineData("02000")]
    [InlineData("Järvenpää")] [InlineData("JÄRVEN")] [InlineData("helsinki")] [InlineData("TOP-10042")] [InlineData("top-10042")]
    [InlineData("oy")] [InlineData("ab")] [InlineData("k")] [InlineData("ek")] [InlineData("oy leipomo")] [InlineData("ab öl")]
    [InlineData("a b c d e")] [InlineData("%")] [InlineData("_ä")] [InlineData("\"öljy")] [InlineData("sahko")] [InlineData("olematon")]
    public async Task Search_finds_the_same_customers_as_the_plain_like_search_did(string text)
    {
        await SeedAsync();

        Assert.Equal(await FoundBeforeAsync(text), await FoundIdsAsync(text));
    }

    [Fact]
    public async Task Words_of_one_or_two_letters_are_still_found_inside_names()
    {
        await SeedAsync();

        Assert.Equal(["Tmi Ek"], await FoundAsync("ek"));
        Assert.Equal(["Kahvila Öljymäki"], await FoundAsync("öl ka"));
        Assert.Equal(["Ab Oy Kk", "Ahosen Logistiikka Oy"], await FoundAsync("kk oy"));
    }

    [Fact]
    public async Task Renamed_customer_is_found_by_its_new_name_only()
    {
        await SeedAsync();
        var id = (await H.Customers.SearchAsync(new CustomerQuery { Text = "leipomo" })).Items.Single().Id;
        var details = await H.Customers.GetAsync(id);

        await H.Customers.UpdateAsync(id, new CustomerEdit { Name = "Vantaan Kotileipä Oy", BusinessId = details.BusinessId,
            MunicipalityCode = details.MunicipalityCode, Version = details.Version });

        Assert.Equal(["Vantaan Kotileipä Oy"], await FoundAsync("kotileip"));
        Assert.Equal(["Vantaan Kotileipä Oy"], await FoundAsync("hämäläinen")); // her employer, under its new name
        Assert.Empty(await FoundAsync("leipomo"));
    }

    [Fact]
    public async Task Contacts_added_and_removed_are_found_and_then_not()
    {
        await SeedAsync();
        var shop = (await H.Customers.SearchAsync(new CustomerQuery { Text = "orvokki" })).Items.Single();
        Assert.Empty(await FoundAsync("Jääskeläinen"));

        var contact = await H.AddContactAsync(shop.Id, "Jörö", "Jääskeläinen");
        Assert.Equal(["Kukkakauppa Orvokki Ky"], await FoundAsync("jääskeläinen jörö"));

        await using (var db = H.Db())
            await db.Contacts.Where(p => p.Id == contact.Id).ExecuteDeleteAsync();
        Assert.Empty(await FoundAsync("Jääskeläinen"));
    }

    [Fact]
    public async Task Merged_duplicate_is_no_longer_found_and_its_contacts_lead_to_the_survivor()
    {
        await SeedAsync();
        var survivor = await H.AddCustomerAsync("Vantaan Leipomo Ab", null, "092");
        var duplicate = (await H.Customers.SearchAsync(new CustomerQuery { Text = "leipomo oy" })).Items.Single();
        await H.SignInAsAsync(UserGroup.Administrator);

        await H.Customers.MergeAsync(duplicate.Id, survivor.Id);

        Assert.Equal(["Vantaan Leipomo Ab"], await FoundAsync("leipomo"));
        Assert.Equal(["Vantaan Leipomo Ab"], await FoundAsync("päivi hämäläinen"));
    }

    [Fact]
    public async Task Picker_finds_active_customers_by_fragment_as_before()
    {
        await SeedAsync();

        Assert.Equal(["Espoon Sähkötyö Oy"], (await H.Customers.FindActiveAsync("SÄHKÖ")).Select(p => p.Name));
        Assert.Equal(["Kahvila Öljymäki", "Öljy-Äijät AB".ToUpperInvariant()], (await H.Customers.FindActiveAsync("öljy")).Select(p => p.Name));
        Assert.Equal(["Ab Oy Kk", "Ahosen Logistiikka Oy", "Kukkakauppa Orvokki Ky"], (await H.Customers.FindActiveAsync("kk")).Select(p => p.Name));
        Assert.Empty(await H.Customers.FindActiveAsync("lopettanut"));
    }

    internal static async Task AddNumberedCustomersAsync(CoreHarness H, int count, int passive = 0)
    {
        await using var db = H.Db();
        for (var i = 0; i < count; i++)
        {
            var name = $"Rakennus Äijä {i:0000} Oy";
            db.Customers.Add(new Customer { Name = name, NameSearch = CustomerRules.SearchForm(name), IsPassive = i < passive, CreatedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(1000, 0, "äijä", 1000, false)]
    [InlineData(1001, 0, "äijä", 1000, true)]
    [InlineData(1001, 1, "äijä", 1000, false)] // the passive one is not counted, so exactly a thousand
    [InlineData(1001, 0, "rakennus oy", 1000, true)]
    [InlineData(1001, 0, "äijä 000", 11, false)] // 0000–0009 and 1000
    public async Task Search_counts_up_to_a_thousand_and_then_says_over(int customers, int passive, string text, int count, bool over)
    {
        await StartFromAsync($"{customers} numbered, {passive} passive", async h =>
        {
            await h.SignInAsAsync(UserGroup.AccountManager);
            await AddNumberedCustomersAsync(h, customers, passive);
        });

        var result = await H.Customers.SearchAsync(new CustomerQuery { Text = text });

        Assert.Equal((count, over), (result.TotalCount, result.TotalIsLowerBound));
        Assert.Equal(Math.Min(25, count), result.Items.Count);
    }

    // ---- many name matches: the page read in name order --------------------------------------------------------------

    /// <summary>1,100 "Rakennus Äijä" customers (three passive, two sharing a name), one found only by its contact's name
    /// at each end of the alphabet, and one in segment A.</summary>
    private Task SeedManyNamesAsync() => StartFromAsync(nameof(SeedManyNamesAsync), SeedManyAsync);

    internal static async Task SeedManyAsync(CoreHarness H)
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        await AddNumberedCustomersAsync(H, 1100, passive: 3);
        await H.AddCustomerAsync("Rakennus Äijä 0500 Oy");
        await H.AddContactAsync((await H.AddCustomerAsync("Aakkonen Oy")).Id, "Eino", "Äijälä");
        await H.AddContactAsync((await H.AddCustomerAsync("Zeta Oy")).Id, "Aino", "Äijälä");
        await H.AddCustomerAsync("Äijän Kone Oy", segment: Portaali.Core.Segments.Segment.A);
        await H.AddCustomerAsync("Muu Yritys Oy");
    }

    /// <summary>The union of the branches sorted whole: the shape the search uses when the matches are few.</summary>
    private async Task<List<int>> UnionPageAsync(CustomerQuery query)
    {
        await using var db = H.Db();
        var customers = await CustomerFilter.ApplyAsync(db, query, 1, default);
        return await CustomerFilter.Sort(db, customers, query).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(c => c.Id).ToListAsync();
    }

    [Theory]
    [InlineData("äijä", false, false, null)]
    [InlineData("äijä", true, false, null)]
    [InlineData("äijä", false, true, null)]
    [InlineData("rakennus oy", false, false, null)]
    [InlineData("äijä", false, false, "A")]
    public async Task Many_name_matches_page_in_name_order_as_the_union_sorted_whole(string text, bool descending, bool includePassive, string? segment)
    {
        await SeedManyNamesAsync();
        var query = new CustomerQuery
        {
            Text = text, Descending = descending, IncludePassive = includePassive,
            Segment = segment is null ? null : Enum.Parse<Portaali.Core.Segments.Segment>(segment),
        };

        foreach (var page in new[] { 0, 1, 20, 44 })
        {
            var shown = await H.Customers.SearchAsync(query with { Page = page });
            Assert.Equal(await UnionPageAsync(query with { Page = page }), shown.Items.Select(r => r.Id));
        }
        var first = await H.Customers.SearchAsync(query);
        if (segment is null)
        {
            Assert.Equal((1000, true), (first.TotalCount, first.TotalIsLowerBound));
            // Zeta and Aakkonen are found by their contact's name; ä sorts after z.
            if (text == "äijä")
                Assert.Equal(descending ? ["Äijän Kone Oy", "Zeta Oy"] : ["Aakkonen Oy"], first.Items.Take(descending ? 2 : 1).Select(r => r.Name));
        }
        else Assert.Equal(["Äijän Kone Oy"], first.Items.Select(r => r.Name));
    }
}

/// <summary>The plans that keep the customer search on its indexes at 100,000 customers and 300,000 contacts: SQLite's
/// (EXPLAIN QUERY PLAN over the FTS5 name indexes), so not twinned.</summary>
public class CustomerNameIndexPlanTests(SeededTemplates templates) : HarnessTest, IClassFixture<SeededTemplates>
{
    private async Task StartFromAsync(string name, Func<CoreHarness, Task> seed)
    {
        await H.UseDatabaseFromAsync(await templates.GetAsync(name, seed));
        await H.SignInAsAsync(UserGroup.AccountManager);
    }

    private Task SeedAsync() => StartFromAsync(nameof(SeedAsync), CustomerNameIndexTests.SeedFewAsync);

    private Task SeedManyNamesAsync() => StartFromAsync(nameof(SeedManyNamesAsync), CustomerNameIndexTests.SeedManyAsync);

    private async Task<string> PlanAsync(Func<PortaaliDbContext, Task<IQueryable<int>>> build)
    {
        await using var db = H.Db();
        var query = await build(db);
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    private async Task<string> SearchPlanAsync(string text) => await PlanAsync(async db =>
    {
        var query = new CustomerQuery { Text = text };
        var customers = await CustomerFilter.ApplyAsync(db, query, 1, default);
        return CustomerFilter.Sort(db, customers, query).Take(25).Select(c => c.Id);
    });

    /// <summary>No branch reads a whole table: only virtual tables (the trigram indexes, a parameter list) are scanned.</summary>
    private static void AssertNoTableScan(string plan) =>
        Assert.DoesNotContain(plan.Split('\n'), line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("VIRTUAL TABLE"));

    [Theory]
    [InlineData("sähkö")]
    [InlineData("leipomo vantaan")]
    [InlineData("TOP-10042")]
    [InlineData("järvenpää")]
    public async Task Name_search_unions_its_indexes_and_scans_no_table(string text)
    {
        await SeedAsync();

        var plan = await SearchPlanAsync(text);

        AssertNoTableScan(plan);
        Assert.Contains("MULTI-INDEX OR", plan);
        Assert.Contains("CustomerSearch VIRTUAL TABLE", plan);
        Assert.Contains("ContactSearch VIRTUAL TABLE", plan);
        Assert.Contains("IX_Customers_BusinessId", plan);
        Assert.Contains("IX_ExternalNumbers_Number", plan);
    }

    [Fact]
    public async Task Count_of_many_name_matches_streams_from_the_trigram_index_without_reading_the_table()
    {
        await SeedAsync();

        var plan = await PlanAsync(async db =>
        {
            // The shape NameMatchesExceedCapAsync counts: the index's matches joined to customers by id.
            var others = await CustomerFilter.ApplyAsync(db, new CustomerQuery(), 1, default);
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"CustomerSearch\" WHERE \"CustomerSearch\" MATCH '\"äijä\"'");
            return ids.Join(others, id => id, c => c.Id, (id, c) => c.Id).Take(1001);
        });

        AssertNoTableScan(plan);
        Assert.Contains("CustomerSearch VIRTUAL TABLE", plan);
        Assert.Contains("USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData("0737546-2")]
    [InlineData("07375462")]
    public async Task Business_id_search_is_one_index_lookup(string text)
    {
        await SeedAsync();

        var plan = await SearchPlanAsync(text);

        AssertNoTableScan(plan);
        Assert.Contains("USING INDEX IX_Customers_BusinessId (BusinessId=?)", plan);
        Assert.DoesNotContain("CustomerSearch", plan);
    }

    [Fact]
    public async Task Duplicate_check_reads_one_municipality_from_its_covering_index()
    {
        await SeedAsync();

        var plan = await PlanAsync(db => Task.FromResult(CustomerRules.SimilarNameCandidates(
            db.Customers.Where(c => c.MunicipalityCode == "091"), "Metallityö Oy").Select(c => c.Id)));

        AssertNoTableScan(plan);
        Assert.Contains("USING COVERING INDEX IX_Customers_MunicipalityCode_ComparableName (MunicipalityCode=?)", plan);
    }

    [Fact]
    public async Task Many_name_matches_read_the_name_index_in_list_order_and_sort_nothing()
    {
        await SeedManyNamesAsync();

        var plan = await PlanAsync(async db =>
        {
            var query = new CustomerQuery { Text = "äijä" };
            Assert.True(await CustomerFilter.NameMatchesExceedCapAsync(db, query, 1, default));
            var customers = await CustomerFilter.ApplyAsync(db, query, 1, default, inNameOrder: true);
            return CustomerFilter.Sort(db, customers, query).Take(25).Select(c => c.Id);
        });

        Assert.Contains("USING INDEX IX_Customers_NameSearch", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("MULTI-INDEX OR", plan);
        Assert.DoesNotContain("CustomerSearch", plan); // the names are tested on the rows read
    }
}
