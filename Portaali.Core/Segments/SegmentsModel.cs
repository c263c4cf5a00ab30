using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Segments;

/// <summary>The A proposals' mapping, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class SegmentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<KeyAccountProposal>(e =>
        {
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(12);
            e.Property(p => p.Justification).HasMaxLength(KeyAccountProposal.MaxJustification);
            e.Property(p => p.DecisionNote).HasMaxLength(KeyAccountProposal.MaxNote);
            e.Property(p => p.ProposedByName).HasMaxLength(200);
            e.Property(p => p.DecidedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            // A merge moves the duplicate's proposals to the survivor before the duplicate goes, so none is lost to a cascade.
            e.HasOne(p => p.Customer).WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.CustomerId).IsUnique().HasFilter("\"State\" = 'Pending'").HasDatabaseName("IX_KeyAccountProposals_OnePending");
            e.HasIndex(p => new { p.CustomerId, p.ProposedAt });
            e.HasIndex(p => new { p.ProposedByUserId, p.ProposedAt });
            e.HasIndex(p => p.State);
        });
    }
}
