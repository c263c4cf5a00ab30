using Microsoft.EntityFrameworkCore;

namespace Portaali.Core.Projects;

/// <summary>The mapping of projects and their networks, called from <see cref="Data.PortaaliDbContext"/>.</summary>
public static class ProjectsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Project>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(Project.MaxName);
            e.Property(p => p.Funder).HasMaxLength(Project.MaxFunder);
            e.Property(p => p.Description).HasMaxLength(Project.MaxDescription);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(p => p.UpdatedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.Status);
            e.HasIndex(p => p.OwnerUserId);
        });
        b.Entity<ProjectNetworkMember>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Note).HasMaxLength(ProjectNetworkMember.MaxNote);
            e.Property(m => m.AddedByName).HasMaxLength(200);
            e.HasOne<Project>().WithMany(p => p.Network).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Customer).WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Contact).WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ProjectId, m.CustomerId, m.ContactId });
            e.HasIndex(m => m.CustomerId);
            e.HasIndex(m => m.ContactId);
        });
        b.Entity<Activities.Activity>(e =>
        {
            e.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.ProjectId, a.StartsAtUtc });
        });
    }
}
