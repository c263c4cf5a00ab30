using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portaali.Core.Segments.Rfm;
using Portaali.Web.Setup;

namespace Portaali.Tests.Web;

/// <summary>The nightly RFM job: registered at start-up with a stable id in Helsinki time, switched off by "off".
/// The "off" cases share one app (each registers the job itself before switching it off); the options test starts its own.</summary>
public class SegmentJobsTests(PortaaliWebFactory app) : IClassFixture<PortaaliWebFactory>
{
    [Fact]
    public void The_app_registers_the_nightly_RFM_job_and_binds_its_options_from_Portaali_Rfm()
    {
        using var factory = new PortaaliWebFactory
        {
            Settings = new()
            {
                ["Portaali:Rfm:WindowMonths"] = "12",
                ["Portaali:Rfm:FrequencyCounts:0"] = "2", ["Portaali:Rfm:FrequencyCounts:1"] = "6",
                ["Portaali:Rfm:FrequencyCounts:2"] = "12", ["Portaali:Rfm:FrequencyCounts:3"] = "24",
            },
        };
        _ = factory.Server;

        var options = factory.Services.GetRequiredService<IOptions<RfmOptions>>().Value;
        Assert.Equal(12, options.WindowMonths);
        // Replaces the defaults rather than adding to them.
        Assert.Equal([2, 6, 12, 24], options.FrequencyThresholds);
        Assert.Equal([365, 180, 90, 30], options.RecencyThresholds);
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == SegmentJobs.RfmJobId);
        Assert.Equal("Europe/Helsinki", job.TimeZoneId);
    }

    [Theory]
    [InlineData("off")]
    [InlineData(" OFF ")]
    [InlineData("")]
    public void Off_or_an_empty_cron_removes_the_job(string cron)
    {
        // The app's own storage and manager: a bare InMemoryStorage would log through Hangfire's global log provider,
        // which another test's app may have disposed already.
        var storage = app.Services.GetRequiredService<JobStorage>();
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        SegmentJobs.Register(manager, new RfmOptions { Cron = "15 4 * * *" });
        using (var connection = storage.GetConnection())
            Assert.Equal("15 4 * * *", Assert.Single(connection.GetRecurringJobs(), j => j.Id == SegmentJobs.RfmJobId).Cron);

        SegmentJobs.Register(manager, new RfmOptions { Cron = cron });

        using var after = storage.GetConnection();
        Assert.DoesNotContain(after.GetRecurringJobs(), j => j.Id == SegmentJobs.RfmJobId);
    }
}
