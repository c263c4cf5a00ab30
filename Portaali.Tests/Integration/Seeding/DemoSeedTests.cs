using Microsoft.EntityFrameworkCore;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Seeding;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Seeding;

[Collection(SeededDatabaseCollection.Name)]
public class DemoSeedTests(SeededDatabase seeded)
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private CoreHarness H => seeded.H;

    [Fact]
    public async Task Demo_base_holds_about_four_thousand_customers()
    {
        await using var db = H.Db();
        Assert.InRange(await db.Customers.CountAsync(), 3900, 4100);
    }

    [Fact]
    public async Task Demo_staff_are_the_46_users_of_the_colleges_groups()
    {
        await using var db = H.Db();
        var counts = await db.Users.GroupBy(u => u.Group).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(new Dictionary<UserGroup, int>
        {
            [UserGroup.Administrator] = 1, [UserGroup.DeputyAdministrator] = 1, [UserGroup.Management] = 4,
            [UserGroup.Communications] = 1, [UserGroup.SalesAndMarketing] = 1, [UserGroup.CustomerRelationshipManager] = 1,
            [UserGroup.AccountManager] = 5, [UserGroup.ProductManager] = 1, [UserGroup.PedagogicalManager] = 1,
            [UserGroup.RegionalCoordinator] = 1, [UserGroup.InnoOmnia] = 5, [UserGroup.ServiceOperations] = 1,
            [UserGroup.ProjectOperations] = 14, [UserGroup.InternationalOperations] = 9,
        }, counts);
        Assert.Equal(46, await db.Users.Select(u => u.DisplayName).Distinct().CountAsync());
        Assert.True(await db.Users.AllAsync(u => u.IsActive));
    }

    [Fact]
    public async Task Every_business_id_is_valid_and_unique()
    {
        await using var db = H.Db();
        var ids = await db.Customers.Select(c => c.BusinessId).ToListAsync();

        Assert.All(ids, id => Assert.True(BusinessId.IsValid(id), $"{id} is not a valid Business ID"));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Segments_hold_five_key_accounts_a_few_hundred_growing_and_about_a_hundred_leads()
    {
        await using var db = H.Db();
        var counts = await db.Customers.GroupBy(c => c.Segment).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(SegmentService.MaxKeyAccounts, counts[Segment.A]);
        Assert.Equal(5, await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive));
        Assert.InRange(counts[Segment.B], 200, 500);
        Assert.InRange(counts[Segment.Potential], 80, 120);
        Assert.True(counts[Segment.C] > counts[Segment.B]);
    }

    [Fact]
    public async Task Every_customer_has_two_to_four_contacts()
    {
        await using var db = H.Db();
        var perCustomer = await db.Customers.Select(c => new { c.Name, Contacts = c.Contacts.Count }).ToListAsync();

        Assert.All(perCustomer, c => Assert.InRange(c.Contacts, 2, 4));
    }

    [Fact]
    public async Task Contact_roles_exist_and_every_contact_carries_one()
    {
        await using var db = H.Db();
        var roles = await db.ClassificationNodes.Where(n => n.SystemKey!.StartsWith("contact-role.")).ToListAsync();

        Assert.Equal(["contact-role.decision-maker", "contact-role.expert", "contact-role.influencer"], roles.Select(r => r.SystemKey).Order());
        Assert.All(roles, r => Assert.Equal(ClassificationTarget.Contact, r.Target));
        var roleIds = roles.Select(r => r.Id).ToList();
        Assert.False(await db.Contacts.AnyAsync(c => !c.Classifications.Any(k => roleIds.Contains(k.NodeId))));
    }

    [Fact]
    public async Task Customer_group_tree_has_the_groups_of_the_domain()
    {
        await H.SignInAsAsync(UserGroup.AccountManager);
        var tree = await H.Classifications.GetTreeAsync(ClassificationTarget.Customer);

        var groups = Assert.Single(tree, n => n.SystemKey == "customer-groups");
        Assert.Equal(["group.suppliers", "group.authorities", "group.partners", "group.training-organisations",
            "group.partner-institutions", "group.work-placement"], groups.Children.Select(n => n.SystemKey));
        var workPlacement = groups.Children.Single(n => n.SystemKey == "group.work-placement");
        Assert.Contains(workPlacement.Children, n => n.SystemKey == "work-placement.framework-agreement");
        Assert.Contains(workPlacement.Children, n => n.SystemKey == "work-placement.demonstration-site");
    }

    [Fact]
    public async Task Every_seeded_customer_and_contact_passes_the_edit_form_rules()
    {
        // Otherwise a user opening a demo customer could not save it without first fixing data they never typed.
        await using var db = H.Db();
        var customers = await db.Customers.AsNoTracking().ToListAsync();
        var contacts = await db.Contacts.AsNoTracking().ToListAsync();

        Assert.All(customers, c => Assert.Empty(CustomerRules.Validate(new CustomerEdit
        {
            Name = c.Name, BusinessId = c.BusinessId, Email = c.Email, Phone = c.Phone, SizeClass = c.SizeClass, Revenue = c.Revenue,
        })));
        Assert.All(contacts, c => Assert.Empty(CustomerRules.Validate(new ContactEdit
        {
            FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Phone = c.Phone,
        })));
        Assert.All(customers, c => Assert.Equal(CustomerRules.SearchForm(c.Name), c.NameSearch));
        Assert.All(customers, c => Assert.NotNull(Municipalities.NameOf(c.MunicipalityCode)));
    }

    [Fact]
    public async Task Each_customers_segment_history_ends_in_its_current_segment()
    {
        await using var db = H.Db();
        var customers = await db.Customers.AsNoTracking().Include(c => c.SegmentChanges).ToListAsync();

        Assert.All(customers, c =>
        {
            var latest = c.SegmentChanges.OrderBy(s => s.ChangedAt).ThenBy(s => s.Id).Last();
            Assert.Equal(c.Segment, latest.To);
        });
    }

    [Fact]
    public async Task Key_accounts_and_leads_have_the_responsible_people_the_domain_names()
    {
        await using var db = H.Db();
        var customers = await db.Customers.AsNoTracking().Where(c => c.Segment != Segment.C)
            .Select(c => new { c.Segment, Groups = c.Responsibles.Select(r => r.User!.Group).ToList() }).ToListAsync();

        Assert.All(customers.Where(c => c.Segment == Segment.A), c =>
        {
            Assert.Contains(UserGroup.CustomerRelationshipManager, c.Groups);
            Assert.Contains(UserGroup.AccountManager, c.Groups);
        });
        Assert.All(customers.Where(c => c.Segment == Segment.B), c => Assert.Equal([UserGroup.AccountManager], c.Groups));
        Assert.All(customers.Where(c => c.Segment == Segment.Potential), c => Assert.Equal([UserGroup.SalesAndMarketing], c.Groups));
    }

    [Fact]
    public async Task Passive_demo_customers_carry_a_reason_and_a_date()
    {
        await using var db = H.Db();
        var passive = await db.Customers.AsNoTracking().Where(c => c.IsPassive).ToListAsync();

        Assert.NotEmpty(passive);
        Assert.All(passive, c => Assert.False(string.IsNullOrWhiteSpace(c.PassivationReason)));
        Assert.All(passive, c => Assert.NotNull(c.PassivatedOn));
    }

    [Fact]
    public async Task Seeded_account_manager_finds_their_own_customers()
    {
        var manager = await H.SignInAsAsync(UserGroup.AccountManager);

        var mine = await H.Customers.SearchAsync(new CustomerQuery { OnlyMine = true, PageSize = 1000 });

        Assert.True(mine.TotalCount > 50, $"{manager.DisplayName} is responsible for only {mine.TotalCount} customers");
        var sample = await H.Customers.GetAsync(mine.Items[0].Id);
        Assert.Contains(sample.Responsibles, r => r.Id == manager.Id);
    }

    [Fact]
    public async Task Same_seed_writes_the_same_demo_base_into_another_file()
    {
        // Two smaller bases from the same seed and day: the generator is the same at any size, and a full second base
        // would cost the suite another full seed.
        var day = new DateOnly(2026, 11, 20);
        await using var one = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await using (var db = one.Db()) await new DemoSeeder(db, customerCount: 300, today: day).SeedAsync();
        await using var other = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await using (var db = other.Db()) await new DemoSeeder(db, customerCount: 300, today: day).SeedAsync();

        await using var first = one.Db();
        await using var second = other.Db();
        var expected = await first.Customers.OrderBy(c => c.Id).Select(c => new { c.Name, c.BusinessId, c.Segment }).ToListAsync();
        var actual = await second.Customers.OrderBy(c => c.Id).Select(c => new { c.Name, c.BusinessId, c.Segment }).ToListAsync();
        Assert.Equal(300, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(await first.Users.OrderBy(u => u.Id).Select(u => u.DisplayName).ToListAsync(),
            await second.Users.OrderBy(u => u.Id).Select(u => u.DisplayName).ToListAsync());
        Assert.NotEqual(one.DatabasePath, other.DatabasePath);
    }
}
