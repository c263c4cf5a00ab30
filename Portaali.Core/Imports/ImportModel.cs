using Microsoft.EntityFrameworkCore;
using Portaali.Core.Customers;

namespace Portaali.Core.Imports;

/// <summary>The imports' tables, kept here so the shared DbContext only calls in.</summary>
internal static class ImportModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ImportRun>(e =>
        {
            e.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Mode).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.StartedByName).HasMaxLength(200);
            e.Property(r => r.FileName).HasMaxLength(260);
            e.Property(r => r.FileHash).HasMaxLength(64);
            e.HasIndex(r => new { r.Source, r.Id });
            e.HasIndex(r => r.QueuedAt);
        });
        b.Entity<ImportRowError>(e =>
        {
            e.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.Line });
        });
        b.Entity<ImportChange>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.Line });
        });
        b.Entity<ImportFieldMapping>(e =>
        {
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Field).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Column).HasMaxLength(100);
            e.HasIndex(x => new { x.Source, x.Field }).IsUnique();
        });
        b.Entity<CompanyProfile>(e =>
        {
            e.HasKey(x => x.CustomerId);
            e.Property(x => x.MainLineCode).HasMaxLength(10);
            e.HasOne<Customer>().WithOne().HasForeignKey<CompanyProfile>(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Suggestions.Suggestion>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Code).HasMaxLength(20);
            e.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.CustomerId, x.Kind, x.Code });
            e.HasIndex(x => x.ResolvedAt);
            // A suggestion without a date showed as 1.1.0001: the database refuses one, whoever forgets the clock.
            e.ToTable(t => t.HasCheckConstraint("CK_Suggestions_CreatedAt", "\"CreatedAt\" >= '2000-01-01'"));
        });
    }
}
