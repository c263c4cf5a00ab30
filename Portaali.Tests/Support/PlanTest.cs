using Portaali.Sql;
using Xunit.Abstractions;

namespace Portaali.Tests.Support;

/// <summary>
/// A test class that reads SQLite's plans of what a service ran (<see cref="SqlPlanRecorder"/>): <see cref="PlansOf"/>
/// records one call's reads and shows them in the test's output, <see cref="AssertNoScans"/> fails when one of them reads a
/// big table (<paramref name="bigTables"/>) from end to end.
/// </summary>
public abstract class PlanTest(SqlPlanRecorder recorder, CoreHarness harness, ITestOutputHelper output, params string[] bigTables)
{
    /// <summary>The reads <paramref name="call"/> made, each with its plan.</summary>
    protected async Task<IReadOnlyList<PlannedQuery>> PlansOf<T>(Func<Task<T>> call)
    {
        var plans = await recorder.PlansOfAsync(call, harness.DatabasePath);
        foreach (var plan in plans) output.WriteLine(plan + "\n");
        return plans;
    }

    /// <summary>Fails, showing the statement and its plan, when a read scans one of the big tables.</summary>
    protected void AssertNoScans(IEnumerable<PlannedQuery> plans)
    {
        foreach (var plan in plans.Where(p => !MayScan(p)))
            foreach (var table in bigTables)
                Assert.True(plan.ScansOf(table).Count == 0, $"{table} read from end to end:\n{plan}");
    }

    /// <summary>A statement whose scans another test answers for; none by default.</summary>
    protected virtual bool MayScan(PlannedQuery plan) => false;
}
