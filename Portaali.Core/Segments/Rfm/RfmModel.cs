using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Segments.Rfm;

/// <summary>The RFM table's mapping, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class RfmModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RfmScore>(e =>
        {
            e.HasKey(s => s.CustomerId);
            e.HasOne(s => s.Customer).WithOne().HasForeignKey<RfmScore>(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(s => s.Total);
            e.ToTable(t => t.HasCheckConstraint("CK_RfmScores_Range",
                "\"Recency\" BETWEEN 1 AND 5 AND \"Frequency\" BETWEEN 1 AND 5 AND \"Monetary\" BETWEEN 1 AND 5"));
        });
    }
}
