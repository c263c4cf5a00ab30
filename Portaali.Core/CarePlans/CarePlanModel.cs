using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.CarePlans;

/// <summary>The care-plan tables' mapping, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class CarePlanModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CarePlan>(e =>
        {
            e.Property(p => p.Scope).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Segment).HasConversion<string>().HasMaxLength(12);
            e.HasOne(p => p.CustomerGroup).WithMany().HasForeignKey(p => p.CustomerGroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.Segment).IsUnique();
            e.HasIndex(p => p.CustomerGroupId).IsUnique();
            e.HasMany(p => p.Versions).WithOne(v => v.CarePlan).HasForeignKey(v => v.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CarePlanVersion>(e =>
        {
            e.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.ResponsibleFi).HasMaxLength(200);
            e.Property(v => v.ResponsibleEn).HasMaxLength(200);
            e.Property(v => v.ChangeNote).HasMaxLength(1000);
            e.Property(v => v.DecisionNote).HasMaxLength(1000);
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasIndex(v => new { v.CarePlanId, v.Number }).IsUnique();
            // At most one version of a plan applies at a time, and at most one change waits for approval.
            e.HasIndex(v => v.CarePlanId, "IX_CarePlanVersions_OneActive").IsUnique().HasFilter("\"State\" = 'Active'");
            e.HasIndex(v => v.CarePlanId, "IX_CarePlanVersions_OnePending").IsUnique().HasFilter("\"State\" = 'PendingApproval'");
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(v => v.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(v => v.ContactTypes).WithOne().HasForeignKey(t => t.CarePlanVersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(v => v.Requirements).WithOne().HasForeignKey(r => r.CarePlanVersionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CarePlanContactType>(e =>
        {
            e.HasKey(t => new { t.CarePlanVersionId, t.ActivityTypeId });
            e.HasOne<Activities.ActivityType>().WithMany().HasForeignKey(t => t.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CarePlanRequirement>(e =>
        {
            e.Property(r => r.LabelFi).HasMaxLength(200);
            e.Property(r => r.LabelEn).HasMaxLength(200);
            e.HasOne<Activities.ActivityType>().WithMany().HasForeignKey(r => r.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Activities.ActivityKeyword>().WithMany().HasForeignKey(r => r.KeywordId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("CK_CarePlanRequirements_PerYear", "\"PerYear\" > 0"));
        });
        b.Entity<CarePlanCheckRun>(e =>
        {
            e.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
            e.HasIndex(r => r.StartedAt);
        });
        // The monitor's per-customer aggregates (last counted contact, planned contact, this year's count of a type)
        // seek on the customer and type and read the date and status from the index alone: without it each customer's
        // activities are read row by row, and a keyword's count walks every activity with that keyword.
        b.Entity<Activities.Activity>().HasIndex(a => new { a.CustomerId, a.ActivityTypeId, a.LocalDate, a.Status })
            .HasDatabaseName("IX_Activities_CarePlanMonitor");
        b.Entity<CarePlanBreach>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<CarePlanCheckRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CarePlanVersion>().WithMany().HasForeignKey(x => x.CarePlanVersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.CustomerId });
            e.HasIndex(x => x.CustomerId);
        });
    }
}
