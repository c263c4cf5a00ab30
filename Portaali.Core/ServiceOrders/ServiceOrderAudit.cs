using Microsoft.EntityFrameworkCore;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.ServiceOrders;

/// <summary>Writes a service order's changes and sendings to its customer's change history (Muutoshistoria).</summary>
internal static class ServiceOrderAudit
{
    public const string Entity = "ServiceOrder";

    public static async Task<Dictionary<string, string?>> FieldsAsync(PortaaliDbContext db, ServiceOrder o, CancellationToken ct)
    {
        var userIds = o.Deliverers.Select(d => d.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var contact = o.ContactId is { } contactId
            ? await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct)
            : null;
        var fields = new Dictionary<string, string?>
        {
            ["ServiceOrderTitle"] = o.Title,
            ["EventTime"] = Label(o.Date, o.StartTime, o.EndTime),
            ["Contact"] = contact,
            ["Place"] = o.Place,
            ["Rooms"] = o.Rooms,
            ["Materials"] = o.Materials,
            ["Catering"] = o.Catering,
            ["OtherGoods"] = o.OtherGoods,
            ["ParticipantCount"] = o.ParticipantCount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notes"] = o.Notes,
            ["ExtraRecipients"] = o.ExtraRecipients.Length == 0 ? null : o.ExtraRecipients.Replace("\n", ", "),
        };
        foreach (var part in Enum.GetValues<ServiceOrderPart>())
        {
            var names = o.Deliverers.Where(d => d.Part == part).Select(d => users.GetValueOrDefault(d.UserId) ?? "?").Order().ToList();
            fields["Deliverers" + part] = names.Count == 0 ? null : string.Join(", ", names);
        }
        return fields;
    }

    public static void Record(PortaaliDbContext db, Actor actor, DateTime now, ServiceOrder o, Dictionary<string, string?>? before,
        Dictionary<string, string?> after)
    {
        if (before is null)
        {
            AuditLog.Record(db, actor, now, o.CustomerId, Entity, o.Id, "Created",
                [.. after.Where(kv => kv.Value is not null).Select(kv => new FieldChange(kv.Key, null, kv.Value))]);
            return;
        }
        var changes = AuditLog.Diff(before, after).ToList();
        if (changes.Count == 0) return;
        // An edit that leaves the title alone still has to say which order it was.
        if (changes.All(c => c.Field != "ServiceOrderTitle")) changes.Insert(0, new("ServiceOrder", o.Title, o.Title));
        AuditLog.Record(db, actor, now, o.CustomerId, Entity, o.Id, "Updated", changes);
    }

    public static void RecordSending(PortaaliDbContext db, Actor actor, DateTime now, ServiceOrder o, ServiceOrderSending sending) =>
        AuditLog.Record(db, actor, now, o.CustomerId, Entity, o.Id, sending.Outcome == SendingOutcome.Sent ? "Sent" : "SendFailed",
        [
            new("ServiceOrder", o.Title, o.Title),
            new("Recipients", null, sending.Recipients.Replace("\n", ", ")),
            .. sending.Error is null ? Array.Empty<FieldChange>() : [new FieldChange("SendError", null, sending.Error)],
        ]);

    public static string Label(DateOnly date, TimeOnly start, TimeOnly end) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date:d.M.yyyy} {start:H'.'mm}\u2013{end:H'.'mm}");
}
