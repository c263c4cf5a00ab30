using Microsoft.EntityFrameworkCore;
using Portaali.Core.Campaigns;
using Portaali.Core.Exports;

namespace Portaali.Core.Selections;

/// <summary>The mapping of selections, static lists, campaigns, mailings and export jobs, called from
/// <see cref="Data.PortaaliDbContext"/>.</summary>
public static class SelectionsModel
{
    public static void Configure(ModelBuilder b)
    {
        // "Has (no) activity of these types in this period" reads the customer ids of a type and date range in one pass
        // (CriteriaTranslator); the existing activity indexes start with the customer or the start time.
        b.Entity<Activities.Activity>().HasIndex(a => new { a.ActivityTypeId, a.LocalDate, a.CustomerId });
        // A municipality or region criterion drives most selections: with the size class, the passive flag and the segment
        // beside the code, the candidates are read from the index alone, not from their rows (replaces the plain
        // MunicipalityCode index; 17,500 row reads for the issue-12 selection).
        b.Entity<Customers.Customer>().HasIndex(c => new { c.MunicipalityCode, c.SizeClass, c.IsPassive, c.Segment });
        // A customer criterion on a contact target reads the customer's contacts; the default exclusions (left, no
        // marketing mail) are then checked in the index (replaces the plain CustomerId foreign-key index).
        b.Entity<Contacts.Contact>().HasIndex(p => new { p.CustomerId, p.HasLeft, p.NoMarketingEmail });

        b.Entity<Selection>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Selection.MaxName);
            e.Property(s => s.Description).HasMaxLength(Selection.MaxDescription);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.Target).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.UpdatedByName).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.OwnerUserId, s.Name });
            e.HasIndex(s => s.IsShared);
        });
        b.Entity<StaticListMember>(e =>
        {
            e.HasKey(m => new { m.SelectionId, m.MemberId });
            e.Property(m => m.AddedByName).HasMaxLength(200);
            e.HasOne<Selection>().WithMany(s => s.Members).HasForeignKey(m => m.SelectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SelectionExportMember>(e =>
        {
            e.HasKey(m => new { m.SelectionId, m.MemberId });
            e.HasOne<Selection>().WithMany().HasForeignKey(m => m.SelectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SelectionFavourite>(e =>
        {
            e.HasKey(f => new { f.UserId, f.SelectionId });
            e.HasOne<Selection>().WithMany().HasForeignKey(f => f.SelectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Campaign>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(Campaign.MaxName);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.CreatedByName).HasMaxLength(200);
            e.Property(c => c.UpdatedByName).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CampaignMember>(e =>
        {
            e.Property(m => m.Step).HasConversion<string>().HasMaxLength(12);
            e.Property(m => m.StepChangedByName).HasMaxLength(200);
            e.HasOne<Campaign>().WithMany(c => c.Members).HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
            // A contact stays a member through a merge (contacts move with the customer); contacts are never deleted
            // while they are in a campaign.
            e.HasOne(m => m.Contact).WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Customers.Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.CampaignId, m.ContactId }).IsUnique();
            e.HasIndex(m => new { m.ContactId, m.Step });
            e.HasIndex(m => new { m.CampaignId, m.Step });
        });
        b.Entity<CampaignMailing>(e =>
        {
            e.Property(m => m.Subject).HasMaxLength(CampaignMailing.MaxSubject);
            e.Property(m => m.Body).HasMaxLength(CampaignMailing.MaxBody);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
            e.Property(m => m.CreatedByName).HasMaxLength(200);
            e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.CampaignId, m.CreatedAtUtc });
        });
        b.Entity<MailingDelivery>(e =>
        {
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Email).HasMaxLength(320);
            e.Property(d => d.Error).HasMaxLength(1000);
            e.HasOne<CampaignMailing>().WithMany().HasForeignKey(d => d.MailingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CampaignMember>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => new { d.MailingId, d.MemberId }).IsUnique();
            e.HasIndex(d => new { d.MailingId, d.State });
        });

        b.Entity<ExportJob>(e =>
        {
            e.Property(j => j.Title).HasMaxLength(300);
            e.Property(j => j.FileName).HasMaxLength(300);
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
            e.Property(j => j.Error).HasMaxLength(2000);
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(j => j.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(j => new { j.OwnerUserId, j.CreatedAtUtc });
        });
    }
}
