using Portaali.Sql;
using System.Text.RegularExpressions;
using Portaali.Core.Activities;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Selections;
using Portaali.Core.Users;
using Portaali.Core.Data;
using Portaali.Tests.Support;
using static Portaali.Tests.Integration.Selections.SelectionDataset;

namespace Portaali.Tests.Integration.Selections;

/// <summary>
/// The engine against a straightforward oracle: a few hundred generated customers with contacts, classifications and
/// activities on real SQLite, every combination's members also computed in C# from the rows loaded into memory. The
/// count and the first page must agree in every case, with a small page (found in a window of customers by name, which
/// may have to grow) and with a page that holds them all (found and sorted whole).
/// </summary>
public class SelectionOracleTests(SelectionOracleTests.Base data) : IClassFixture<SelectionOracleTests.Base>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CoreHarness.Now.UtcDateTime);

    public class Base : IAsyncLifetime
    {
        public CoreHarness H { get; private set; } = default!;
        public SqlPlanRecorder Recorder { get; } = new();
        public SelectionEngine Engine => H.Service<SelectionEngine>();
        public int WorkPlacements, Field, Partners, DecisionMaker, Expert;
        public List<Customer> Customers = [];
        public List<Contact> Contacts = [];
        public List<CustomerClassification> CustomerNodes = [];
        public List<ContactClassification> ContactNodes = [];
        public List<(int CustomerId, int TypeId, DateOnly On)> Activities = [];

        protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

        public async Task InitializeAsync()
        {
            H = await CoreHarness.CreateAsync(provider: DatabaseProvider,
                configure: services => { if (DatabaseProvider == DatabaseProvider.Sqlite) SqlPlanRecorder.AddTo(services, Recorder); });
            var user = await H.SignInAsAsync(UserGroup.SalesAndMarketing);
            var random = new Random(12);
            var now = CoreHarness.Now.UtcDateTime;
            await using var db = H.Db();
            var groups = new ClassificationNode { Name = "Asiakasryhmät", SystemKey = CustomerGroups.RootKey, Target = ClassificationTarget.Customer };
            var work = new ClassificationNode { Name = "Työssäoppimispaikat", Parent = groups, Target = ClassificationTarget.Customer };
            var field = new ClassificationNode { Name = "Tekniikka", Parent = work, Target = ClassificationTarget.Customer };
            var partners = new ClassificationNode { Name = "Kumppanit", Parent = groups, Target = ClassificationTarget.Customer };
            var roles = new ClassificationNode { Name = "Roolit", Target = ClassificationTarget.Contact };
            var decisionMaker = new ClassificationNode { Name = "Päättäjä", Parent = roles, Target = ClassificationTarget.Contact };
            var expert = new ClassificationNode { Name = "Asiantuntija", Parent = roles, Target = ClassificationTarget.Contact };
            db.ClassificationNodes.AddRange(groups, work, field, partners, roles, decisionMaker, expert);
            await db.SaveChangesAsync();
            (WorkPlacements, Field, Partners, DecisionMaker, Expert) = (work.Id, field.Id, partners.Id, decisionMaker.Id, expert.Id);

            string[] words = ["Kone", "Väri", "Sähkö", "Rakennus", "Kuljetus", "Hoiva", "Ääni", "Metalli", "Puu", "Data"];
            string?[] municipalities = [Espoo, Helsinki, Vantaa, Helsinki, "837", null];
            for (var i = 0; i < 240; i++)
            {
                // The customers of Kuopio are named to sort last: their page is found only when the window has grown.
                var municipality = i % 17 == 0 ? Kuopio : municipalities[random.Next(municipalities.Length)];
                var name = municipality == Kuopio ? $"Örö {words[random.Next(words.Length)]} {i} Oy" : $"{words[random.Next(words.Length)]} {i} Oy";
                Customers.Add(new Customer
                {
                    Name = name, NameSearch = CustomerRules.SearchForm(name), MunicipalityCode = municipality,
                    SizeClass = random.Next(0, 10), Segment = (Segment)random.Next(0, 4), IsPassive = random.NextDouble() < 0.08,
                    CreatedAt = now,
                });
            }
            db.Customers.AddRange(Customers);
            await db.SaveChangesAsync();
            foreach (var customer in Customers)
            {
                var roll = random.NextDouble();
                if (roll < 0.3) CustomerNodes.Add(new CustomerClassification { CustomerId = customer.Id, NodeId = work.Id, AssignedAt = now });
                if (roll is >= 0.2 and < 0.45) CustomerNodes.Add(new CustomerClassification { CustomerId = customer.Id, NodeId = field.Id, AssignedAt = now });
                if (random.NextDouble() < 0.3) CustomerNodes.Add(new CustomerClassification { CustomerId = customer.Id, NodeId = partners.Id, AssignedAt = now });
                for (var k = random.Next(0, 5); k > 0; k--)
                {
                    var first = words[random.Next(words.Length)] + "ri";
                    Contacts.Add(new Contact
                    {
                        CustomerId = customer.Id, FirstName = first, LastName = $"Henkilö {k}", NameSearch = CustomerRules.SearchForm($"{first} Henkilö {k}"),
                        HasLeft = random.NextDouble() < 0.1, Email = random.NextDouble() < 0.2 ? null : $"h{k}@example.fi",
                    });
                }
                for (var a = random.Next(0, 4); a > 0; a--)
                    Activities.Add((customer.Id, random.Next(2) == 0 ? Visit : Call, Today.AddDays(-random.Next(0, 900))));
            }
            db.CustomerClassifications.AddRange(CustomerNodes);
            db.Contacts.AddRange(Contacts);
            await db.SaveChangesAsync();
            foreach (var contact in Contacts)
            {
                var roll = random.NextDouble();
                if (roll < 0.4) ContactNodes.Add(new ContactClassification { ContactId = contact.Id, NodeId = decisionMaker.Id, AssignedAt = now });
                if (roll is >= 0.3 and < 0.7) ContactNodes.Add(new ContactClassification { ContactId = contact.Id, NodeId = expert.Id, AssignedAt = now });
            }
            db.ContactClassifications.AddRange(ContactNodes);
            db.Activities.AddRange(Activities.Select(a => new Activity
            {
                CustomerId = a.CustomerId, ActivityTypeId = a.TypeId, Title = "Tapaaminen", LocalDate = a.On,
                StartsAtUtc = a.On.ToDateTime(new TimeOnly(8, 0)), CreatedByUserId = user.Id, CreatedAtUtc = now, UpdatedAtUtc = now,
                Status = ActivityStatus.Done,
            }));
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync() => H.DisposeAsync().AsTask();

        public bool In(Customer c, params int[] nodes) => CustomerNodes.Any(x => x.CustomerId == c.Id && nodes.Contains(x.NodeId));
        public bool In(Contact p, params int[] nodes) => ContactNodes.Any(x => x.ContactId == p.Id && nodes.Contains(x.NodeId));
        public Customer Of(Contact p) => Customers.Single(c => c.Id == p.CustomerId);
    }

    /// <summary>A selection and the same question asked of the rows in memory (the default exclusions included).</summary>
    internal sealed record Case(string Name, Func<Base, SelectionDefinition> Definition, Func<Base, IEnumerable<int>> Oracle);

    private static readonly string[] Capital = [Espoo, Helsinki, Vantaa];

    public static TheoryData<string> Cases => [.. AllCases().Select(c => c.Name)];

    internal static IEnumerable<Case> AllCases()
    {
        var from = Today.AddYears(-1);
        yield return new("issue 12: group, municipalities, size class ≥ 3, decision makers (contacts)",
            b => Contacts(new CustomerGroupCriterion { GroupIds = [b.WorkPlacements] }, new MunicipalityCriterion { Codes = [.. Capital] },
                new SizeClassCriterion { Min = 3 }, new ContactRoleCriterion { RoleNodeIds = [b.DecisionMaker] }),
            b => b.Contacts.Where(p => !p.HasLeft && !b.Of(p).IsPassive && b.In(b.Of(p), b.WorkPlacements, b.Field)
                && Capital.Contains(b.Of(p).MunicipalityCode ?? "") && b.Of(p).SizeClass >= 3 && b.In(p, b.DecisionMaker)).Select(p => p.Id));
        yield return new("the same customer criteria (customers)",
            b => Customers(new CustomerGroupCriterion { GroupIds = [b.WorkPlacements] }, new MunicipalityCriterion { Codes = [.. Capital] },
                new SizeClassCriterion { Min = 3 }),
            b => b.Customers.Where(c => !c.IsPassive && b.In(c, b.WorkPlacements, b.Field) && Capital.Contains(c.MunicipalityCode ?? "")
                && c.SizeClass >= 3).Select(c => c.Id));
        yield return new("none of the group, size class at most 4 (customers)",
            b => Customers(new ClassificationCriterion { NodeIds = [b.WorkPlacements], Match = ClassificationMatch.NoneOf },
                new SizeClassCriterion { Max = 4 }),
            b => b.Customers.Where(c => !c.IsPassive && !b.In(c, b.WorkPlacements, b.Field) && c.SizeClass is >= 1 and <= 4).Select(c => c.Id));
        yield return new("all of two classifications, contacts who left included",
            b => Contacts(new ClassificationCriterion { NodeIds = [b.Field, b.Partners], Match = ClassificationMatch.AllOf }) with { IncludeLeft = true },
            b => b.Contacts.Where(p => !b.Of(p).IsPassive && b.In(b.Of(p), b.Field) && b.In(b.Of(p), b.Partners)).Select(p => p.Id));
        yield return new("Espoo or an expert, and not size class ≥ 5 (contacts)",
            b => new SelectionDefinition(SelectionTarget.Contacts, And(
                Or(new MunicipalityCriterion { Codes = [Espoo] }, new ContactRoleCriterion { RoleNodeIds = [b.Expert] }),
                Not(new SizeClassCriterion { Min = 5 }))),
            b => b.Contacts.Where(p => !p.HasLeft && !b.Of(p).IsPassive && (b.Of(p).MunicipalityCode == Espoo || b.In(p, b.Expert))
                && !(b.Of(p).SizeClass >= 5)).Select(p => p.Id));
        yield return new("has an active decision maker, segment B or C (customers)",
            b => Customers(new ContactRoleCriterion { RoleNodeIds = [b.DecisionMaker] }, new SegmentCriterion { Segments = [Segment.B, Segment.C] }),
            b => b.Customers.Where(c => !c.IsPassive && (c.Segment is Segment.B or Segment.C)
                && b.Contacts.Any(p => p.CustomerId == c.Id && !p.HasLeft && b.In(p, b.DecisionMaker))).Select(c => c.Id));
        yield return new("region Uusimaa and an activity within a year (customers)",
            _ => Customers(new RegionCriterion { Regions = ["Uusimaa"] }, new ActivityCriterion { From = from, To = Today }),
            b => b.Customers.Where(c => !c.IsPassive && Capital.Contains(c.MunicipalityCode ?? "")
                && b.Activities.Any(a => a.CustomerId == c.Id && a.On >= from && a.On <= Today)).Select(c => c.Id));
        yield return new("no visit within a year, passive included (customers)",
            _ => Customers(Not(new ActivityCriterion { TypeIds = [Visit], From = from })) with { IncludePassive = true },
            b => b.Customers.Where(c => !b.Activities.Any(a => a.CustomerId == c.Id && a.TypeId == Visit && a.On >= from)).Select(c => c.Id));
        yield return new("Kuopio, whose names sort last (contacts)",
            _ => Contacts(new MunicipalityCriterion { Codes = [Kuopio] }),
            b => b.Contacts.Where(p => !p.HasLeft && !b.Of(p).IsPassive && b.Of(p).MunicipalityCode == Kuopio).Select(p => p.Id));
        yield return new("everyone (customers)", _ => Customers(), b => b.Customers.Where(c => !c.IsPassive).Select(c => c.Id));
    }

    private const string Kuopio = "297";

    private static SelectionDefinition Customers(params Criterion[] criteria) => new(SelectionTarget.Customers, And(criteria));
    private static SelectionDefinition Contacts(params Criterion[] criteria) => new(SelectionTarget.Contacts, And(criteria));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Count_and_first_page_equal_the_oracle(string name)
    {
        var test = AllCases().Single(c => c.Name == name);
        var definition = test.Definition(data);
        var expected = Ordered(data, definition.Target, test.Oracle(data)).ToList();
        Assert.NotEmpty(expected);

        foreach (var pageSize in new[] { 5, 1000 })
        {
            var preview = await data.Engine.PreviewAsync(definition, pageSize);
            Assert.Equal(expected.Count, preview.Count);
            Assert.Equal(expected.Take(pageSize), preview.FirstPage.Select(m => m.MemberId));
        }
    }

    /// <summary>The list order: customer name, customer id, then contact name, contact id (names compared as SQLite does,
    /// byte by byte).</summary>
    internal static IEnumerable<int> Ordered(Base data, SelectionTarget target, IEnumerable<int> members)
    {
        var ids = members.ToHashSet();
        return target == SelectionTarget.Customers
            ? data.Customers.Where(c => ids.Contains(c.Id)).OrderBy(c => c.NameSearch, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Id)
            : data.Contacts.Where(p => ids.Contains(p.Id)).OrderBy(p => data.Of(p).NameSearch, StringComparer.Ordinal).ThenBy(p => p.CustomerId)
                .ThenBy(p => p.NameSearch, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id);
    }
}

/// <summary>SQLite's plan of the oracle's large selection (<c>EXPLAIN QUERY PLAN</c>): a plan test, so SQLite only.</summary>
public class SelectionOraclePlanTests(SelectionOracleTests.Base data) : IClassFixture<SelectionOracleTests.Base>
{
    [Fact]
    public async Task A_large_selections_first_page_walks_the_customers_by_name_and_checks_the_criteria_per_customer()
    {
        var issue12 = SelectionOracleTests.AllCases().First();
        data.Recorder.Clear();
        var preview = await data.Engine.PreviewAsync(issue12.Definition(data), pageSize: 1);
        Assert.Equal(SelectionOracleTests.Ordered(data, SelectionTarget.Contacts, issue12.Oracle(data)).Take(1), preview.FirstPage.Select(m => m.MemberId));

        var plans = data.Recorder.Explain(data.H.DatabasePath);
        // One plan of the windowed query (it runs again, the same, when a window holds too few and grows).
        var window = plans.FirstOrDefault(p => p.Sql.Contains("CROSS JOIN"));
        Assert.True(window is not null, "No windowed page query:\n" + string.Join("\n", plans.Select(p => p.Sql).Distinct()));
        var page = window.Plan;
        var shown = window.ToString();
        // The window: the first customers by name, read from the name index alone …
        Assert.True(page.Any(step => Regex.IsMatch(step, "^SCAN \\w+ USING COVERING INDEX IX_Customers_NameSearch$")), shown);
        // … is the outer loop; per customer in it, the customer by its key, its contacts and their roles by theirs.
        var loops = page.Where(d => Regex.IsMatch(d, "^(SCAN|SEARCH) ") && !d.Contains("IX_Customers_NameSearch")).ToList();
        Assert.True(Regex.IsMatch(loops[0], "^SCAN \\w+$"), shown);
        Assert.False(loops.Skip(1).Any(d => d.StartsWith("SCAN ")), shown);
        Assert.DoesNotContain(page, step => step.Contains("IX_Customers_MunicipalityCode"));
    }
}
