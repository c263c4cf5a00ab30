using Microsoft.EntityFrameworkCore;
using Portaali.Core.Seeding;
using Portaali.Core.ServiceOrders;
using Portaali.Core.Data;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.ServiceOrders;

public class ServiceOrderDemoSeedTests
{
    protected virtual DatabaseProvider DatabaseProvider => DatabaseProvider.Sqlite;

    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public async Task The_demo_has_past_and_upcoming_service_orders_with_deliverers_and_one_failed_sending_the_same_every_time()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();

        Assert.Equal(first, second);
        Assert.Equal(8, first.Count);
        Assert.Contains(first, o => o.Date < Today && o.Outcome == SendingOutcome.Sent);
        Assert.Contains(first, o => o.Date > Today && o.Outcome is null);
        Assert.Single(first, o => o.Outcome == SendingOutcome.Failed);
        Assert.All(first, o => Assert.True(o.Deliverers >= 3 && o.EndTime > o.StartTime));
    }

    private async Task<List<(string Title, int CustomerId, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, int Deliverers, SendingOutcome? Outcome)>> SeedAsync()
    {
        await using var h = await CoreHarness.CreateAsync(provider: DatabaseProvider);
        await using (var db = h.Db()) await new DemoSeeder(db, customerCount: 400, today: Today).SeedAsync();
        await using var read = h.Db();
        var orders = await read.ServiceOrders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Title, o.CustomerId, o.Date, o.StartTime, o.EndTime, Deliverers = o.Deliverers.Count,
                Outcome = o.Sendings.Select(s => (SendingOutcome?)s.Outcome).FirstOrDefault() })
            .ToListAsync();
        return orders.Select(o => (o.Title, o.CustomerId, o.Date, o.StartTime, o.EndTime, o.Deliverers, o.Outcome)).ToList();
    }
}
