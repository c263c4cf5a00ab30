using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.KeyAccountTracking;

/// <summary>The scorecard tables' mapping, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class KeyAccountsModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<ScorecardTarget>(e =>
        {
            e.Property(t => t.Measure).HasConversion<string>().HasMaxLength(24);
            e.Property(t => t.UpdatedByName).HasMaxLength(200);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => new { t.CustomerId, t.Year, t.Measure }).IsUnique();
            e.HasOne(t => t.Customer).WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint("CK_ScorecardTargets_Target", "\"Target\" >= 0"));
        });
}
