using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Offers;

/// <summary>A filled offer document and the name to download it under.</summary>
public record OfferDocumentFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>Which template offers are printed with: the built-in one, or one an administrator uploaded (who, when, as what).</summary>
public record OfferTemplateInfo(bool IsCustom, string? FileName, DateTime? UploadedAtUtc, string? UploadedByName);

/// <summary>Prints an offer as a Word document from the current template, and lets administrators replace the template
/// (kept in the template folder) or go back to the built-in one.</summary>
public class OfferDocumentService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IOptions<OfferDocumentOptions> options, IOptions<CollegeOptions> college)
{
    public static readonly UploadRule TemplateRule = new([".docx"], 20L * 1024 * 1024);

    private string TemplatePath => Path.Combine(options.Value.TemplateFolder!, "offer-template.docx");
    private string InfoPath => Path.Combine(options.Value.TemplateFolder!, "offer-template.json");

    /// <summary>The offer as a .docx named like "Tarjous-123-Asiakas-Oy.docx"; any signed-in user may print it.</summary>
    public async Task<OfferDocumentFile> CreateAsync(int offerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        var data = await LoadAsync(offerId, ct);
        await using var template = OpenTemplate();
        var bytes = OfferDocument.Fill(template, data);
        return new OfferDocumentFile(FileNameOf(data.Number, data.CustomerName), bytes);
    }

    /// <summary>"Tarjous-123-Hämeen-Kone-Oy.docx": the customer's name sanitised, spaces as dashes, shortened.</summary>
    public static string FileNameOf(int number, string customerName)
    {
        var customer = string.Join('-', FileNames.Safe(customerName.Replace('/', ' ').Replace('\\', ' '), "").Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries));
        if (customer.Length > 60) customer = customer[..60].TrimEnd('-');
        return FileNames.Safe(customer.Length == 0 ? $"Tarjous-{number}.docx" : $"Tarjous-{number}-{customer}.docx");
    }

    public async Task<OfferTemplateInfo> GetTemplateInfoAsync()
    {
        await guard.DemandAsync(Policies.Administer);
        if (!File.Exists(TemplatePath)) return new OfferTemplateInfo(false, null, null, null);
        var info = File.Exists(InfoPath) ? JsonSerializer.Deserialize<OfferTemplateInfo>(await File.ReadAllTextAsync(InfoPath)) : null;
        return new OfferTemplateInfo(true, info?.FileName, info?.UploadedAtUtc ?? File.GetLastWriteTimeUtc(TemplatePath), info?.UploadedByName);
    }

    /// <summary>The template offers are printed with now (for an administrator to download and edit in Word).</summary>
    public async Task<byte[]> GetTemplateAsync(bool builtIn, CancellationToken ct = default)
    {
        await guard.DemandAsync(Policies.Administer);
        await using var template = builtIn ? OfferDocument.DefaultTemplate() : OpenTemplate();
        using var copy = new MemoryStream();
        await template.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    /// <summary>Replaces the template. The upload must open as Word and use only known placeholders, with the lines in a
    /// table row; otherwise it is refused with the unknown placeholders named, and the old template stays.</summary>
    public async Task<OfferTemplateCheck> ReplaceTemplateAsync(string fileName, long? size, Stream content, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Administer);
        var name = FileNames.Safe(fileName, "tarjouspohja");
        byte[] bytes;
        await using (var upload = await Uploads.ReadAsync(content, name, size, TemplateRule, ct))
            bytes = upload.ToArray();
        var check = OfferDocument.Inspect(new MemoryStream(bytes));
        if (!check.IsUsable)
        {
            var problems = check.Problems.ToList();
            if (check.Unknown.Count > 0)
                problems.Insert(0, CoreText.Get("OfferTemplateUnknownPlaceholders", string.Join(", ", check.Unknown.Select(p => "{{" + p + "}}"))));
            throw new ValidationFailedException(problems.Select(p => new FieldError("Template", p)).ToList());
        }
        // Also fill it once with sample data: a template that opens but cannot be filled is refused now, not at printing.
        try { OfferDocument.Fill(new MemoryStream(bytes), Sample()); }
        catch (Exception e) when (e is not OperationCanceledException) { throw new DomainException(CoreText.Get("OfferTemplateNotWord")); }

        Directory.CreateDirectory(options.Value.TemplateFolder!);
        var partial = TemplatePath + $".{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(partial, bytes, ct);
        File.Move(partial, TemplatePath, overwrite: true);
        await File.WriteAllTextAsync(InfoPath, JsonSerializer.Serialize(
            new OfferTemplateInfo(true, name, clock.GetUtcNow().UtcDateTime, actor.Name)), ct);
        return check;
    }

    /// <summary>Goes back to the built-in template.</summary>
    public async Task RestoreDefaultTemplateAsync()
    {
        await guard.DemandAsync(Policies.Administer);
        File.Delete(TemplatePath);
        File.Delete(InfoPath);
    }

    private Stream OpenTemplate() =>
        File.Exists(TemplatePath) ? new FileStream(TemplatePath, FileMode.Open, FileAccess.Read, FileShare.Read) : OfferDocument.DefaultTemplate();

    private async Task<OfferDocumentData> LoadAsync(int offerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await db.Offers.AsNoTracking().AsSplitQuery()
            .Include(o => o.Customer).Include(o => o.Contact).Include(o => o.AccountManager).Include(o => o.Lines).Include(o => o.Responsibles)
            .FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
        var customer = o.Customer!;
        var address = string.IsNullOrWhiteSpace(customer.PostalAddress.ToString()) ? customer.VisitingAddress : customer.PostalAddress;
        var addressText = string.Join("\n", new[]
        {
            address.Street, string.Join(" ", new[] { address.PostalCode, address.City }.Where(s => !string.IsNullOrWhiteSpace(s))),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new OfferDocumentData(o.Id, o.Title, o.Type, o.OfferedOn, o.ValidUntil, o.Notes, o.CustomerReference,
            customer.Name, customer.BusinessId, addressText, o.Contact?.FullName, o.Contact?.Title, o.Contact?.Email, o.Contact?.Phone,
            o.AccountManager!.DisplayName, o.AccountManager.Email,
            o.Responsibles.Select(r => r.Name).OrderBy(n => n, StringComparer.Create(OfferDocument.Finnish, true)).ToList(),
            o.Lines.OrderBy(l => l.SortOrder).Select(l => new OfferDocumentLine(l.Description, l.Quantity, l.UnitPrice, l.VatRate,
                l.Participants, l.LineTotalExVat, Money.FromCents(l.LineVatCents))).ToList(),
            o.TotalExVat, o.Vat, o.Total, college.Value);
    }

    private OfferDocumentData Sample() => new(1, "Näyte", OfferType.StaffTraining, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1),
        "Huomautus", "Viite", "Asiakas Oy", "1234567-8", "Katu 1\n00100 Helsinki", "Yhteys Henkilö", "Titteli", "a@b.fi", "040 123",
        "Myyjä", "m@b.fi", ["Vastuu Henkilö"], [new("Koulutus", 1, 100, 0, 10, 100, 0)], 100, 0, 100, college.Value);
}
