using System.Text.Json;
using Portaali.Core.Contacts;
using Portaali.Core.Customers;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Auditing;

public record FieldChange(string Field, string? Old, string? New);

public record AuditRow(DateTime At, string UserName, string EntityType, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>Writes audit entries; the caller saves them in the same transaction as the change.</summary>
public static class AuditLog
{
    public static void Record(PortaaliDbContext db, Actor actor, DateTime at, int customerId, string entityType, int entityId,
        string action, IReadOnlyList<FieldChange>? changes = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at, UserId = actor.Id, UserName = actor.Name, CustomerId = customerId,
            EntityType = entityType, EntityId = entityId, Action = action,
            Changes = JsonSerializer.Serialize(changes ?? []),
        });

    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value)
            .Select(kv => new FieldChange(kv.Key, before.GetValueOrDefault(kv.Key), kv.Value))
            .ToList();

    public static IReadOnlyList<FieldChange> ParseChanges(string json) =>
        JsonSerializer.Deserialize<List<FieldChange>>(json) ?? [];

    public static Dictionary<string, string?> Fields(Customer c) => new()
    {
        ["Name"] = c.Name, ["BusinessId"] = c.BusinessId, ["CompanyForm"] = c.CompanyForm,
        ["VisitingAddress"] = Blank(c.VisitingAddress.ToString()), ["PostalAddress"] = Blank(c.PostalAddress.ToString()),
        ["Municipality"] = c.MunicipalityCode, ["Phone"] = c.Phone, ["Email"] = c.Email, ["Website"] = c.Website,
        ["SizeClass"] = c.SizeClass.ToString(), ["Revenue"] = c.Revenue?.ToString("0.##"), ["IndustryCode"] = c.IndustryCode,
    };

    public static Dictionary<string, string?> Fields(Contact c) => new()
    {
        ["FirstName"] = c.FirstName, ["LastName"] = c.LastName, ["Title"] = c.Title,
        ["AreaOfResponsibility"] = c.AreaOfResponsibility, ["DecisionLevel"] = c.DecisionLevel,
        ["Phone"] = c.Phone, ["Email"] = c.Email, ["HasLeft"] = c.HasLeft ? "1" : "0",
    };

    private static string? Blank(string s) => s.Length == 0 ? null : s;
}
