using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Jobs;

/// <summary>The app instances' table and the instance column of every run that depends on one.</summary>
internal static class JobsModel
{
    public const int InstanceIdLength = 100;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<AppInstance>(e =>
        {
            e.Property(i => i.Id).HasMaxLength(InstanceIdLength);
            e.Property(i => i.MachineName).HasMaxLength(100);
        });
        b.Entity<Imports.ImportRun>().Property(r => r.InstanceId).HasMaxLength(InstanceIdLength);
        b.Entity<Exports.ExportJob>().Property(j => j.InstanceId).HasMaxLength(InstanceIdLength);
        b.Entity<CarePlans.CarePlanCheckRun>().Property(r => r.InstanceId).HasMaxLength(InstanceIdLength);
    }
}
