using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Segments;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Integration.Segments;

/// <summary>The key-account cap with two writers at once: an approval that starts while a colleague's is saved but not yet
/// committed waits for it, then counts its fifth. On SQLite the database queues writers; on PostgreSQL (and across app
/// instances) the cap takes its own lock (<see cref="WriteLocks"/>). Runs on both providers.</summary>
public class KeyAccountWriterTests : HarnessTest
{
    [Fact]
    public async Task An_approval_waits_for_a_colleagues_unfinished_one_and_then_sees_the_fifth()
    {
        await H.SignInAsAsync(UserGroup.Management);
        for (var i = 1; i <= 4; i++) await H.AddCustomerAsync($"Avainasiakas {i} Oy", segment: Segment.A);
        var bakery = await H.AddCustomerAsync("Vantaan Leipomo Oy", segment: Segment.B);
        var electric = await H.AddCustomerAsync("Espoon Sähkötyö Oy", segment: Segment.B);

        await using var colleague = H.Db();
        await using var colleaguesWork = await colleague.Database.BeginTransactionAsync();
        await global::Portaali.Core.Segments.KeyAccounts.EnsureRoomAsync(colleague, bakery.Id);
        var row = await colleague.Customers.SingleAsync(c => c.Id == bakery.Id);
        row.Segment = Segment.A;
        row.Version = Guid.NewGuid();
        await colleague.SaveChangesAsync();

        var mine = Task.Run(() => H.Segments.ChangeAsync(electric.Id, Segment.A, "Yhteistyösopimus"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(mine.IsCompleted, "the approval waits while the colleague's is unfinished");
        await colleaguesWork.CommitAsync();

        var refused = await Assert.ThrowsAsync<KeyAccountLimitException>(() => mine);
        Assert.Contains("Vantaan Leipomo Oy", refused.Message);
        await using var db = H.Db();
        Assert.Equal(5, await db.Customers.CountAsync(c => c.Segment == Segment.A && !c.IsPassive));
    }
}
