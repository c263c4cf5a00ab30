using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Usage;

/// <summary>The mapping of the usage records, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class UsageModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SignInRecord>(e =>
        {
            e.HasIndex(s => new { s.LocalDate, s.UserId });
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<UserActiveDay>(e =>
        {
            e.HasKey(d => new { d.UserId, d.Date });
            e.HasIndex(d => d.Date);
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
