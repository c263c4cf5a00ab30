using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Contacts;

public class ContactEdit
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Title { get; set; }
    public string? AreaOfResponsibility { get; set; }
    public string? DecisionLevel { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool HasLeft { get; set; }
    /// <summary>The contact has asked not to be sent marketing e-mail (<see cref="Contact.NoMarketingEmail"/>).</summary>
    public bool NoMarketingEmail { get; set; }
    /// <summary>Shown beside the flag ("since 3.2.2027"); not edited.</summary>
    public DateTime? NoMarketingEmailChangedAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Adding and editing the people of a customer.</summary>
public class ContactService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public async Task<ContactEdit> GetForEditAsync(int id, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new ContactEdit
        {
            FirstName = c.FirstName, LastName = c.LastName, Title = c.Title, AreaOfResponsibility = c.AreaOfResponsibility,
            DecisionLevel = c.DecisionLevel, Phone = c.Phone, Email = c.Email, HasLeft = c.HasLeft,
            NoMarketingEmail = c.NoMarketingEmail, NoMarketingEmailChangedAtUtc = c.NoMarketingEmailChangedAtUtc, Version = c.Version,
        }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
    }

    public async Task<int> CreateAsync(int customerId, ContactEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        CustomerService.ThrowIfInvalid(CustomerRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CustomerService.EnsureActiveAsync(db, customerId, ct);
        var contact = new Contact { CustomerId = customerId, FirstName = "", LastName = "" };
        Apply(edit, contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, customerId, "Contact", contact.Id, "Created",
            AuditLog.Diff(new Dictionary<string, string?>(), AuditLog.Fields(contact)));
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    public async Task<Guid> UpdateAsync(int id, ContactEdit edit, CancellationToken ct = default)
    {
        var actor = await guard.SignedInAsync();
        CustomerService.ThrowIfInvalid(CustomerRules.Validate(edit));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException(CoreText.Get("ContactNotFound"));
        if (contact.Version != edit.Version) throw new ConcurrencyConflictException(CoreText.Get("ContactConflict"));
        var before = AuditLog.Fields(contact);
        Apply(edit, contact);
        var changes = AuditLog.Diff(before, AuditLog.Fields(contact)).ToList();
        if (ContactConsent.Set(contact, edit.NoMarketingEmail, clock.GetUtcNow().UtcDateTime) is { } consent) changes.Add(consent);
        if (changes.Count == 0) return contact.Version;
        db.Entry(contact).Property(c => c.Version).OriginalValue = edit.Version;
        contact.Version = Guid.NewGuid();
        AuditLog.Record(db, actor, clock.GetUtcNow().UtcDateTime, contact.CustomerId, "Contact", id, "Updated", changes);
        await CustomerService.SaveOrConflictAsync(db, "ContactConflict", ct);
        return contact.Version;
    }

    private static void Apply(ContactEdit edit, Contact contact)
    {
        contact.FirstName = edit.FirstName.Trim();
        contact.LastName = edit.LastName.Trim();
        contact.NameSearch = CustomerRules.SearchForm($"{contact.FirstName} {contact.LastName}");
        contact.Title = CustomerService.Clean(edit.Title);
        contact.AreaOfResponsibility = CustomerService.Clean(edit.AreaOfResponsibility);
        contact.DecisionLevel = CustomerService.Clean(edit.DecisionLevel);
        contact.Phone = CustomerService.Clean(edit.Phone);
        contact.Email = CustomerService.Clean(edit.Email);
        contact.HasLeft = edit.HasLeft;
    }
}
