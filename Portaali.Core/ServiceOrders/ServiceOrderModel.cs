using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.ServiceOrders;

/// <summary>The service-order tables.</summary>
internal static class ServiceOrderModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ServiceOrder>(e =>
        {
            e.Property(o => o.Title).HasMaxLength(ServiceOrderRules.MaxTitle);
            e.Property(o => o.Place).HasMaxLength(ServiceOrderRules.MaxShortText);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Contact).WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Deliverers).WithOne().HasForeignKey(d => d.ServiceOrderId);
            e.HasMany(o => o.Sendings).WithOne().HasForeignKey(s => s.ServiceOrderId);
            e.HasIndex(o => new { o.CustomerId, o.StartsAtUtc });
            e.HasIndex(o => new { o.Date, o.StartsAtUtc });
        });
        b.Entity<ServiceOrderDeliverer>(e =>
        {
            e.HasKey(d => new { d.ServiceOrderId, d.Part, d.UserId });
            e.Property(d => d.Part).HasConversion<string>().HasMaxLength(20);
            e.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.UserId);
        });
        b.Entity<ServiceOrderSending>(e =>
        {
            e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(12);
            e.Property(s => s.Subject).HasMaxLength(400);
            e.Property(s => s.SentByName).HasMaxLength(200);
            e.Property(s => s.Channel).HasMaxLength(400);
            e.HasIndex(s => new { s.ServiceOrderId, s.Id });
            e.HasIndex(s => s.RetryOfId);
        });
    }
}
