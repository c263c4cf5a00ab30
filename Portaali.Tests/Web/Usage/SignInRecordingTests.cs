using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portaali.Core.Users;
using Portaali.Tests.Support;

namespace Portaali.Tests.Web.Usage;

/// <summary>The demo sign-in writes one sign-in record for the usage report (and the day as active); the pages the signed-in
/// person then opens with the cookie write no more.</summary>
public class SignInRecordingTests : IDisposable
{
    private readonly PortaaliWebFactory factory = new()
    {
        DemoSignIn = true,
        TestAuthentication = false,
        TestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 9, 22, 30, 0, TimeSpan.Zero)))),
    };

    [Fact]
    public async Task The_demo_sign_in_writes_exactly_one_sign_in_record()
    {
        var minna = await factory.AddUserAsync("Minna Lehtonen", UserGroup.AccountManager);

        var client = await factory.SignInWithDemoAsync(minna);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/calendar")).StatusCode);

        await using var db = factory.OpenDb();
        var record = Assert.Single(await db.SignInRecords.ToListAsync());
        // 22:30 UTC on 9 March is 00:30 on 10 March in Helsinki.
        Assert.Equal((minna.Id, new DateOnly(2026, 3, 10)), (record.UserId, record.LocalDate));
        var day = Assert.Single(await db.UserActiveDays.ToListAsync());
        Assert.Equal((minna.Id, new DateOnly(2026, 3, 10)), (day.UserId, day.Date));
    }

    [Fact]
    public void Old_records_are_removed_by_a_nightly_job_in_Helsinki_time()
    {
        _ = factory.Server;
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Portaali.Web.Setup.UsageJobs.RetentionJobId);
        Assert.Equal(("45 3 * * *", "Europe/Helsinki"), (job.Cron, job.TimeZoneId));
    }

    public void Dispose() => factory.Dispose();
}
