using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Offers;

/// <summary>The offer tables' mapping, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class OffersModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ProductGroup>(e =>
        {
            e.Property(g => g.NameFi).HasMaxLength(200);
            e.Property(g => g.NameEn).HasMaxLength(200);
        });
        b.Entity<Product>(e =>
        {
            e.Property(p => p.NameFi).HasMaxLength(200);
            e.Property(p => p.NameEn).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne(p => p.Group).WithMany(g => g.Products).HasForeignKey(p => p.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Responsibles).WithOne().HasForeignKey(r => r.ProductId);
            e.HasIndex(p => p.ProductGroupId);
        });
        b.Entity<ProductResponsible>(e =>
        {
            e.HasKey(r => new { r.ProductId, r.UserId });
            e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.UserId);
        });
        b.Entity<Offer>(e =>
        {
            e.Property(o => o.Title).HasMaxLength(OfferRules.MaxTitle);
            e.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.State).HasConversion<string>().HasMaxLength(12);
            e.Property(o => o.CustomerReference).HasMaxLength(200);
            e.Property(o => o.LostReason).HasMaxLength(500);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Contact).WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(o => o.AccountManager).WithMany().HasForeignKey(o => o.AccountManagerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Activities.Activity>().WithMany().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OfferId);
            e.HasMany(o => o.Responsibles).WithOne().HasForeignKey(r => r.OfferId);
            e.HasMany(o => o.Attachments).WithOne().HasForeignKey(a => a.OfferId);
            e.HasOne(o => o.Order).WithOne(r => r.Offer!).HasForeignKey<Order>(r => r.OfferId);
            e.HasIndex(o => new { o.CustomerId, o.State });
            e.HasIndex(o => new { o.State, o.ValidUntil });
            e.HasIndex(o => new { o.AccountManagerId, o.State });
            e.HasIndex(o => o.OfferedOn);
            e.HasIndex(o => new { o.State, o.DecidedOn });
            e.HasIndex(o => o.ContactId);
            e.HasIndex(o => o.ActivityId);
        });
        b.Entity<OfferLine>(e =>
        {
            e.Property(l => l.Description).HasMaxLength(OfferRules.MaxDescription);
            e.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => l.OfferId);
            e.HasIndex(l => l.ProductId);
        });
        b.Entity<OfferResponsible>(e =>
        {
            e.HasKey(r => new { r.OfferId, r.UserId });
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.UserId);
        });
        b.Entity<OfferAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.StoredName).HasMaxLength(100);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.HasIndex(a => a.OfferId);
            e.HasIndex(a => a.StoredName).IsUnique();
        });
        b.Entity<Order>(e =>
        {
            e.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.InvoiceNumber).HasMaxLength(40);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => o.OfferId).IsUnique();
            e.HasOne<Customers.Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(o => o.AccountManagerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.CustomerId, o.State });
            e.HasIndex(o => new { o.State, o.DeliveryStartedOn });
            e.HasIndex(o => new { o.AccountManagerId, o.OrderedOn });
            e.HasIndex(o => o.OrderedOn);
            e.HasIndex(o => o.InvoicedOn);
        });
        b.Entity<SalesTarget>(e =>
        {
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.UserId, t.Year }).IsUnique();
        });
    }
}
