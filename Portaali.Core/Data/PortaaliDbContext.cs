using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portaali.Core.Activities;
using Portaali.Core.Auditing;
using Portaali.Core.Calendar;
using Portaali.Core.Classifications;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Segments;
using Portaali.Core.Users;

namespace Portaali.Core.Data;

/// <summary>The model, on SQLite with the migrations of Data/Migrations. PostgreSQL uses <see cref="PostgreSqlPortaaliDbContext"/>,
/// which only adds its own migrations and column types: services always ask for this type.</summary>
public class PortaaliDbContext : DbContext, IDataProtectionKeyContext
{
    public PortaaliDbContext(DbContextOptions<PortaaliDbContext> options) : base(options) { }

    /// <summary>For a provider's own context type, whose migrations EF Core keeps apart by that type.</summary>
    protected PortaaliDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Adds <see cref="SqliteFunctions"/> where the options lack it. The app's pooled factory puts it in its
    /// options, since a pooled context may not change them here.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.Contains(SqliteFunctions.Instance) != true)
            optionsBuilder.AddInterceptors(SqliteFunctions.Instance);
    }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ExternalNumber> ExternalNumbers => Set<ExternalNumber>();
    public DbSet<CustomerResponsible> CustomerResponsibles => Set<CustomerResponsible>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();
    public DbSet<ClassificationNode> ClassificationNodes => Set<ClassificationNode>();
    public DbSet<CustomerClassification> CustomerClassifications => Set<CustomerClassification>();
    public DbSet<ContactClassification> ContactClassifications => Set<ContactClassification>();
    public DbSet<SegmentChange> SegmentChanges => Set<SegmentChange>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<Favourite> Favourites => Set<Favourite>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();
    public DbSet<ActivityKeyword> ActivityKeywords => Set<ActivityKeyword>();
    public DbSet<ActivityTemplate> ActivityTemplates => Set<ActivityTemplate>();
    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();
    public DbSet<ActivityContact> ActivityContacts => Set<ActivityContact>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<Imports.ImportRun> ImportRuns => Set<Imports.ImportRun>();
    public DbSet<Imports.ImportRowError> ImportRowErrors => Set<Imports.ImportRowError>();
    public DbSet<Imports.ImportChange> ImportChanges => Set<Imports.ImportChange>();
    public DbSet<Imports.ImportFieldMapping> ImportFieldMappings => Set<Imports.ImportFieldMapping>();
    public DbSet<Imports.CompanyProfile> CompanyProfiles => Set<Imports.CompanyProfile>();
    public DbSet<Suggestions.Suggestion> Suggestions => Set<Suggestions.Suggestion>();
    public DbSet<Offers.ProductGroup> ProductGroups => Set<Offers.ProductGroup>();
    public DbSet<Offers.Product> Products => Set<Offers.Product>();
    public DbSet<Offers.ProductResponsible> ProductResponsibles => Set<Offers.ProductResponsible>();
    public DbSet<Offers.Offer> Offers => Set<Offers.Offer>();
    public DbSet<Offers.OfferLine> OfferLines => Set<Offers.OfferLine>();
    public DbSet<Offers.OfferResponsible> OfferResponsibles => Set<Offers.OfferResponsible>();
    public DbSet<Offers.OfferAttachment> OfferAttachments => Set<Offers.OfferAttachment>();
    public DbSet<Offers.Order> Orders => Set<Offers.Order>();
    public DbSet<Offers.SalesTarget> SalesTargets => Set<Offers.SalesTarget>();
    public DbSet<ServiceOrders.ServiceOrder> ServiceOrders => Set<ServiceOrders.ServiceOrder>();
    public DbSet<ServiceOrders.ServiceOrderDeliverer> ServiceOrderDeliverers => Set<ServiceOrders.ServiceOrderDeliverer>();
    public DbSet<ServiceOrders.ServiceOrderSending> ServiceOrderSendings => Set<ServiceOrders.ServiceOrderSending>();
    public DbSet<CarePlans.CarePlan> CarePlans => Set<CarePlans.CarePlan>();
    public DbSet<CarePlans.CarePlanVersion> CarePlanVersions => Set<CarePlans.CarePlanVersion>();
    public DbSet<CarePlans.CarePlanContactType> CarePlanContactTypes => Set<CarePlans.CarePlanContactType>();
    public DbSet<CarePlans.CarePlanRequirement> CarePlanRequirements => Set<CarePlans.CarePlanRequirement>();
    public DbSet<CarePlans.CarePlanCheckRun> CarePlanCheckRuns => Set<CarePlans.CarePlanCheckRun>();
    public DbSet<CarePlans.CarePlanBreach> CarePlanBreaches => Set<CarePlans.CarePlanBreach>();
    public DbSet<Segments.Rfm.RfmScore> RfmScores => Set<Segments.Rfm.RfmScore>();
    public DbSet<KeyAccountProposal> KeyAccountProposals => Set<KeyAccountProposal>();
    public DbSet<KeyAccountTracking.ScorecardTarget> ScorecardTargets => Set<KeyAccountTracking.ScorecardTarget>();
    public DbSet<Selections.Selection> Selections => Set<Selections.Selection>();
    public DbSet<Selections.StaticListMember> StaticListMembers => Set<Selections.StaticListMember>();
    public DbSet<Selections.SelectionExportMember> SelectionExportMembers => Set<Selections.SelectionExportMember>();
    public DbSet<Selections.SelectionFavourite> SelectionFavourites => Set<Selections.SelectionFavourite>();
    public DbSet<Campaigns.Campaign> Campaigns => Set<Campaigns.Campaign>();
    public DbSet<Campaigns.CampaignMember> CampaignMembers => Set<Campaigns.CampaignMember>();
    public DbSet<Campaigns.CampaignMailing> CampaignMailings => Set<Campaigns.CampaignMailing>();
    public DbSet<Campaigns.MailingDelivery> MailingDeliveries => Set<Campaigns.MailingDelivery>();
    public DbSet<Exports.ExportJob> ExportJobs => Set<Exports.ExportJob>();
    public DbSet<Desktops.RoleDesktop> RoleDesktops => Set<Desktops.RoleDesktop>();
    public DbSet<Desktops.UserDesktop> UserDesktops => Set<Desktops.UserDesktop>();
    public DbSet<Desktops.RecentCustomer> RecentCustomers => Set<Desktops.RecentCustomer>();
    public DbSet<Projects.Project> Projects => Set<Projects.Project>();
    public DbSet<Projects.ProjectNetworkMember> ProjectNetworkMembers => Set<Projects.ProjectNetworkMember>();
    public DbSet<Usage.SignInRecord> SignInRecords => Set<Usage.SignInRecord>();
    public DbSet<Usage.UserActiveDay> UserActiveDays => Set<Usage.UserActiveDay>();
    /// <summary>The app instances on this database, with their heartbeats (<see cref="Jobs.InstanceRegistry"/>).</summary>
    public DbSet<Jobs.AppInstance> AppInstances => Set<Jobs.AppInstance>();
    /// <summary>ASP.NET Core Data Protection's key ring, shared by every app instance on this database (sign-in cookies,
    /// antiforgery tokens and Blazor's circuit state are protected with it).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        TextMatch.Map(b, postgreSql: false);
        b.Entity<Customer>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.NameSearch).HasMaxLength(200);
            e.Property(c => c.BusinessId).HasMaxLength(9);
            e.Property(c => c.Segment).HasConversion<string>().HasMaxLength(12);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.OwnsOne(c => c.VisitingAddress, a => ConfigureAddress(a, "Visiting"));
            e.OwnsOne(c => c.PostalAddress, a => ConfigureAddress(a, "Postal"));
            e.HasIndex(c => c.NameSearch);
            e.HasIndex(c => c.BusinessId);
            e.Property(c => c.ComparableName).HasMaxLength(200);
            // The duplicate check reads a municipality's comparable names from this index alone.
            e.HasIndex(c => new { c.MunicipalityCode, c.ComparableName });
            e.HasIndex(c => new { c.IsPassive, c.Segment });
            // The A accounts (team meeting, key-account tracker): "NOT IsPassive" cannot seek the index above, so it led
            // SQLite to walk all customers in name order.
            e.HasIndex(c => new { c.Segment, c.IsPassive, c.NameSearch });
            e.HasMany(c => c.Contacts).WithOne(c => c.Customer!).HasForeignKey(c => c.CustomerId);
            e.HasMany(c => c.ExternalNumbers).WithOne().HasForeignKey(n => n.CustomerId);
            e.HasMany(c => c.Responsibles).WithOne().HasForeignKey(r => r.CustomerId);
            e.HasMany(c => c.Classifications).WithOne().HasForeignKey(c => c.CustomerId);
            e.HasMany(c => c.SegmentChanges).WithOne().HasForeignKey(s => s.CustomerId);
        });
        b.Entity<Contact>(e =>
        {
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.NameSearch);
            e.HasIndex(c => c.Email);
            e.HasMany(c => c.Classifications).WithOne().HasForeignKey(c => c.ContactId);
        });
        b.Entity<ExternalNumber>().HasIndex(n => new { n.System, n.Number }).IsUnique();
        b.Entity<ExternalNumber>().HasIndex(n => n.Number); // the customer search looks a number up in any system
        b.Entity<CustomerResponsible>(e =>
        {
            e.HasKey(r => new { r.CustomerId, r.UserId });
            e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId);
            e.HasIndex(r => r.UserId);
        });
        b.Entity<Municipality>(e =>
        {
            e.HasKey(m => m.Code);
            e.HasData(Portaali.Core.Customers.Municipalities.All);
        });
        b.Entity<ClassificationNode>(e =>
        {
            e.Property(n => n.Target).HasConversion<string>().HasMaxLength(10);
            e.HasOne(n => n.Parent).WithMany(n => n.Children).HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(n => n.SystemKey).IsUnique();
        });
        b.Entity<CustomerClassification>(e =>
        {
            e.HasKey(c => new { c.CustomerId, c.NodeId });
            e.HasOne(c => c.Node).WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.NodeId);
        });
        b.Entity<ContactClassification>(e =>
        {
            e.HasKey(c => new { c.ContactId, c.NodeId });
            e.HasOne(c => c.Node).WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.NodeId);
        });
        b.Entity<SegmentChange>(e =>
        {
            e.Property(s => s.From).HasConversion<string>().HasMaxLength(12);
            e.Property(s => s.To).HasConversion<string>().HasMaxLength(12);
            // The customer-base analysis counts the moves of a period.
            e.HasIndex(s => s.ChangedAt);
        });
        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.Group).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(u => u.Email).IsUnique();
        });
        b.Entity<Favourite>().HasKey(f => new { f.UserId, f.CustomerId });
        b.Entity<AuditEntry>().HasIndex(a => new { a.CustomerId, a.At });
        b.Entity<CustomerMerge>().HasIndex(m => m.SurvivorId);
        Imports.ImportModel.Configure(b);
        Portaali.Core.Offers.OffersModel.Configure(b);
        Portaali.Core.ServiceOrders.ServiceOrderModel.Configure(b);
        Portaali.Core.CarePlans.CarePlanModel.Configure(b);
        Segments.Rfm.RfmModel.Configure(b);
        SegmentsModel.Configure(b);
        Portaali.Core.KeyAccountTracking.KeyAccountsModel.Configure(b);
        Portaali.Core.Selections.SelectionsModel.Configure(b);
        Portaali.Core.Campaigns.MailingModel.Configure(b);
        Portaali.Core.Desktops.DesktopsModel.Configure(b);
        Portaali.Core.Projects.ProjectsModel.Configure(b);
        Portaali.Core.Usage.UsageModel.Configure(b);
        Jobs.JobsModel.Configure(b);
        ConfigureActivities(b);
    }

    private static void ConfigureActivities(ModelBuilder b)
    {
        b.Entity<ActivityType>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.SystemKey).HasMaxLength(40);
            e.Property(t => t.Color).HasMaxLength(7);
            e.HasIndex(t => t.SystemKey).IsUnique();
            e.HasData(ActivityReferenceData.Types);
        });
        b.Entity<ActivityKeyword>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.SystemKey).HasMaxLength(40);
            e.HasOne<ActivityType>().WithMany().HasForeignKey(k => k.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(k => k.SystemKey).IsUnique();
            e.HasData(ActivityReferenceData.Keywords);
        });
        b.Entity<ActivityTemplate>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasOne<ActivityType>().WithMany().HasForeignKey(t => t.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasData(ActivityReferenceData.Templates);
        });
        b.Entity<Activity>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(ActivityRules.MaxTitle);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.EmailMessageId).HasMaxLength(300);
            e.HasOne(a => a.Customer).WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Type).WithMany().HasForeignKey(a => a.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Keyword).WithMany().HasForeignKey(a => a.KeywordId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Participants).WithOne(p => p.Activity).HasForeignKey(p => p.ActivityId);
            e.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.ActivityId);
            e.HasIndex(a => new { a.CustomerId, a.StartsAtUtc });
            e.HasIndex(a => a.StartsAtUtc);
            e.HasIndex(a => a.SeriesId);
            // Covering for the weekly hours: a week's sums read this index alone, never the activities' rows.
            e.HasIndex(a => new { a.IsoYear, a.IsoWeek, a.Status, a.ActivityTypeId, a.CustomerId, a.DurationMinutes });
            // The calendar's Helsinki days, in start order, so a limited view stops reading after the rows it shows.
            e.HasIndex(a => new { a.LocalDate, a.StartsAtUtc });
            // A selection's "activity in the period": the period's customers from this index alone.
            e.HasIndex(a => new { a.LocalDate, a.CustomerId });
            // Open negative feedback (the team meeting): a keyword's activities with their status in the index, so the
            // resolved ones are passed over without reading their rows.
            e.HasIndex(a => new { a.KeywordId, a.Status, a.StartsAtUtc });
            e.HasIndex(a => new { a.Status, a.StartsAtUtc });
            e.HasIndex(a => a.EmailMessageId);
        });
        b.Entity<ActivityParticipant>(e =>
        {
            e.HasKey(p => new { p.ActivityId, p.UserId });
            e.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
            // Every per-person list starts from the user's participations, not the date index.
            e.HasIndex(p => new { p.UserId, p.ActivityId });
            // "My open activities": only the open rows, oldest first, from this index alone (the copies, see ActivityParticipantCopies).
            e.HasIndex(p => new { p.UserId, p.StartsAtUtc, p.ActivityId, p.IsOpen }, "IX_ActivityParticipants_MyOpen").HasFilter("\"IsOpen\"");
            // Weekly hours: each person's week (or ISO year) grouped by what is summed, in index order, from this index alone.
            // The year leads so a bare (UserId, IsOpen) question never picks this index over the open rows' one above.
            e.HasIndex(p => new { p.IsoYear, p.UserId, p.IsoWeek, p.IsOpen, p.IsCustomerWork, p.ActivityTypeId, p.DurationMinutes },
                "IX_ActivityParticipants_WeekHours");
        });
        b.Entity<ActivityContact>(e =>
        {
            e.HasKey(c => new { c.ActivityId, c.ContactId });
            e.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ContactId);
        });
        b.Entity<CalendarFeedToken>(e =>
        {
            e.HasKey(t => t.UserId);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<Users.AppUser>().WithMany().HasForeignKey(t => t.UserId);
        });
    }

    private static void ConfigureAddress<T>(OwnedNavigationBuilder<T, Address> a, string prefix) where T : class
    {
        a.Property(x => x.Street).HasColumnName(prefix + "Street").HasMaxLength(200);
        a.Property(x => x.PostalCode).HasColumnName(prefix + "PostalCode").HasMaxLength(10);
        a.Property(x => x.City).HasColumnName(prefix + "City").HasMaxLength(100);
    }
}
