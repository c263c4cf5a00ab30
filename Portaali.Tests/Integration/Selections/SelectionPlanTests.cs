using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portaali.Core.Selections;

namespace Portaali.Tests.Integration.Selections;

/// <summary>The issue's four-criteria selection (region, size class, customer group, an activity within the last year): its
/// members are what each criterion alone agrees on, and its count reads indexes, never a big table's rows (the plan is
/// deterministic, the timing is not).</summary>
public class SelectionPlanTests(SelectionDataset data) : IClassFixture<SelectionDataset>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Support.CoreHarness.Now.UtcDateTime);

    private Criterion[] FourCriteria() =>
    [
        new RegionCriterion { Regions = ["Uusimaa"] }, new SizeClassCriterion { Min = 2 },
        new CustomerGroupCriterion { GroupIds = [data.WorkPlacements] },
        new ActivityCriterion { From = Today.AddYears(-1), To = Today },
    ];

    private static SelectionDefinition Customers(params Criterion[] criteria) =>
        new(SelectionTarget.Customers, new CriteriaGroup { Children = [.. criteria] });

    [Fact]
    public async Task Four_criteria_give_what_each_criterion_alone_agrees_on_and_the_count_matches_the_page()
    {
        var criteria = FourCriteria();
        var expected = (await data.CustomersAsync(criteria[0])).ToHashSet();
        foreach (var criterion in criteria.Skip(1)) expected.IntersectWith(await data.CustomersAsync(criterion));
        Assert.NotEmpty(expected);

        var preview = await data.Engine.PreviewAsync(Customers(FourCriteria()));
        Assert.Equal(expected.Order(StringComparer.Ordinal), preview.FirstPage.Select(m => m.CustomerName).Order(StringComparer.Ordinal));
        Assert.Equal(preview.FirstPage.Count, preview.Count);
    }

    [Fact]
    public async Task No_activity_of_any_type_in_a_year_is_every_other_active_customer()
    {
        var any = new ActivityCriterion { From = Today.AddYears(-1), To = Today };
        var with = await data.CustomersAsync(any);
        var without = await data.CustomersAsync(new ActivityCriterion { From = Today.AddYears(-1), To = Today, Negated = true });
        var all = await data.CustomersAsync();
        Assert.NotEmpty(with);
        Assert.NotEmpty(without);
        Assert.Empty(with.Intersect(without));
        Assert.Equal(all.Order(StringComparer.Ordinal), with.Concat(without).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Four_criteria_count_reads_the_activities_from_a_covering_index_and_scans_no_big_table()
    {
        await using var db = data.H.Db();
        var ids = await data.Engine.MemberIdsAsync(db, Customers(FourCriteria()), default);
        var (sql, plan) = await PlanAsync(db, ids);
        // Only the region's municipalities (a table of ~300 rows) may be read whole.
        var municipalities = Regex.Matches(sql, "FROM \"Municipalities\" AS \"(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var scans = plan.Where(l => l.StartsWith("SCAN ")).Where(l => !municipalities.Contains(l.Split(' ')[1])).ToList();
        Assert.True(scans.Count == 0, $"Scans a big table:\n{string.Join("\n", plan)}\n{sql}");
        // The customers visited in the period come from an index alone, never from the activity rows.
        Assert.Contains(plan, l => l.Contains("USING COVERING INDEX IX_Activities_"));
        Assert.DoesNotContain(plan, l => Regex.IsMatch(l, "^SEARCH a\\w* USING (INDEX|INTEGER PRIMARY KEY)"));
        // A customer's classifications are read by its id alone (one seek), not one seek per node of the group.
        Assert.Contains(plan, l => l.EndsWith("sqlite_autoindex_CustomerClassifications_1 (CustomerId=?)"));
    }

    /// <summary>The issue's contact selection: customer group, municipalities, size class ≥ 3, decision makers.</summary>
    private SelectionDefinition FourCriteriaContacts() => new(SelectionTarget.Contacts, new CriteriaGroup
    {
        Children =
        [
            new CustomerGroupCriterion { GroupIds = [data.WorkPlacements] },
            new MunicipalityCriterion { Codes = [SelectionDataset.Espoo, SelectionDataset.Helsinki, SelectionDataset.Vantaa] },
            new SizeClassCriterion { Min = 3 }, new ContactRoleCriterion { RoleNodeIds = [data.DecisionMaker] },
        ],
    });

    [Fact]
    public async Task Four_criteria_contact_count_reads_candidates_from_indexes_alone_and_one_seek_per_classification_check()
    {
        await using var db = data.H.Db();
        var (sql, plan) = await PlanAsync(db, await data.Engine.MemberIdsAsync(db, FourCriteriaContacts(), default));
        var shown = $"{string.Join("\n", plan)}\n{sql}";
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN "));
        // Municipality, size class and the passive flag from one index; the contacts' "left" flag from theirs.
        Assert.True(plan.Any(l => l.Contains("USING COVERING INDEX IX_Customers_MunicipalityCode_SizeClass_IsPassive_Segment (MunicipalityCode=? AND SizeClass>?")), shown);
        Assert.True(plan.Any(l => l.Contains("USING COVERING INDEX IX_Contacts_CustomerId_HasLeft_NoMarketingEmail (CustomerId=?)")), shown);
        // A record's classifications are read by its id alone: not one seek per node of the group's subtree.
        Assert.True(plan.Any(l => l.EndsWith("USING COVERING INDEX sqlite_autoindex_CustomerClassifications_1 (CustomerId=?)")), shown);
        Assert.True(plan.Any(l => l.EndsWith("USING COVERING INDEX sqlite_autoindex_ContactClassifications_1 (ContactId=?)")), shown);
        Assert.DoesNotContain(plan, l => l.Contains("AND NodeId=?"));
    }

    private static async Task<(string Sql, List<string> Plan)> PlanAsync(Portaali.Core.Data.PortaaliDbContext db, IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return (sql, plan);
    }
}
