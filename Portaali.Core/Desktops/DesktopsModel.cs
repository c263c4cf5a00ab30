using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Desktops;

/// <summary>The mapping of desktops and recent customers, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class DesktopsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RoleDesktop>(e =>
        {
            e.HasKey(d => d.Group);
            e.Property(d => d.Group).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.ChangedByName).HasMaxLength(200);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        b.Entity<UserDesktop>(e =>
        {
            e.HasKey(d => d.UserId);
            e.Property(d => d.Group).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasOne<Users.AppUser>().WithOne().HasForeignKey<UserDesktop>(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecentCustomer>(e =>
        {
            e.HasKey(r => new { r.UserId, r.CustomerId });
            e.HasIndex(r => new { r.UserId, r.OpenedAtUtc });
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Customers.Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
