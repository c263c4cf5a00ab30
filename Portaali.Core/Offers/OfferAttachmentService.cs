using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portaali.Core.Auditing;
using Portaali.Core.Common;
using Portaali.Core.Data;
using Portaali.Core.Security;

namespace Portaali.Core.Offers;

/// <summary>An offer's attachments and whether the user may add or remove them now.</summary>
public record OfferAttachmentList(IReadOnlyList<OfferAttachmentRow> Items, bool CanChange, string? WhyNot, UploadRule Rule);

/// <summary>An attachment to send to a signed-in user: its shown name, its content type and the open file.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Files kept with an offer and so with its order: stored under generated names in the attachment folder
/// (outside wwwroot), shown and downloaded under their sanitised original names. Adding and removing is allowed while the
/// offer is open or its order is not invoiced; a lost offer and an invoiced order keep their files as they were.</summary>
public class OfferAttachmentService(IDbContextFactory<PortaaliDbContext> dbFactory, AccessGuard guard, TimeProvider clock,
    IOptions<AttachmentOptions> options)
{
    private string Folder => options.Value.Folder!;

    public UploadRule Rule => options.Value.Rule;

    public async Task<OfferAttachmentList> ListAsync(int offerId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateOfAsync(db, offerId, ct);
        var items = await db.OfferAttachments.AsNoTracking().Where(a => a.OfferId == offerId)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id)
            .Select(a => new OfferAttachmentRow(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc, a.UploadedByName))
            .ToListAsync(ct);
        var whyNot = WhyLocked(state);
        return new OfferAttachmentList(items, whyNot is null && await guard.IsAllowedAsync(Policies.Sell), whyNot, Rule);
    }

    /// <summary>Keeps the upload with the offer. A wrong type, an empty file or one over the limit is refused with a message
    /// and leaves no file; so does a failure to record it.</summary>
    public async Task<int> UploadAsync(int offerId, string fileName, long? size, Stream content, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        var name = FileNames.Safe(fileName);
        Uploads.Check(name, size, Rule);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            EnsureChangeable(await StateOfAsync(db, offerId, ct));

        var storedName = $"{Guid.NewGuid():N}{FileNames.ExtensionOf(name)}";
        var now = clock.GetUtcNow().UtcDateTime;
        var path = await Uploads.SaveAsync(content, Folder, name, size, Rule, now, ct, storeAs: storedName);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Checked again inside the transaction: the order may have been invoiced while the file was uploading.
            var offer = await db.Offers.Include(o => o.Order).FirstOrDefaultAsync(o => o.Id == offerId, ct)
                ?? throw new NotFoundException(CoreText.Get("OfferNotFound"));
            EnsureChangeable(new OfferLockState(offer.State, offer.Order?.State));
            var attachment = new OfferAttachment
            {
                OfferId = offerId, FileName = name, StoredName = storedName, ContentType = FileNames.ContentTypeOf(name),
                SizeBytes = new FileInfo(path).Length, UploadedAtUtc = now, UploadedByName = actor.Name,
            };
            db.OfferAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            AuditLog.Record(db, actor, now, offer.CustomerId, "Offer", offer.Id, "AttachmentAdded",
                [new("Offer", offer.Title, offer.Title), new("Attachment", null, name)]);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return attachment.Id;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Removes the attachment and its file (not once the order is invoiced, nor from a lost offer).</summary>
    public async Task DeleteAsync(int attachmentId, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Policies.Sell);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.OfferAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId, ct)
            ?? throw new NotFoundException(CoreText.Get("AttachmentNotFound"));
        var offer = await db.Offers.Include(o => o.Order).FirstAsync(o => o.Id == attachment.OfferId, ct);
        EnsureChangeable(new OfferLockState(offer.State, offer.Order?.State));
        db.OfferAttachments.Remove(attachment);
        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Record(db, actor, now, offer.CustomerId, "Offer", offer.Id, "AttachmentDeleted",
            [new("Offer", offer.Title, offer.Title), new("Attachment", attachment.FileName, null)]);
        await db.SaveChangesAsync(ct);
        // After the commit: a file left behind by a failed delete is harmless, a row without its file is not.
        var path = PathOf(attachment.StoredName);
        if (path is not null) File.Delete(path);
    }

    /// <summary>Opens an attachment for a signed-in user; a missing row or file is "not found".</summary>
    public async Task<AttachmentDownload> OpenAsync(int attachmentId, CancellationToken ct = default)
    {
        await guard.SignedInAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.OfferAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct)
            ?? throw new NotFoundException(CoreText.Get("AttachmentNotFound"));
        var path = PathOf(a.StoredName);
        if (path is null || !File.Exists(path)) throw new NotFoundException(CoreText.Get("AttachmentNotFound"));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return new AttachmentDownload(a.FileName, FileNames.ContentTypeOf(a.FileName), stream);
    }

    /// <summary>The stored file's path, only if it lies inside the attachment folder (the stored name is ours, but a row
    /// edited by hand must not reach anywhere else).</summary>
    private string? PathOf(string storedName)
    {
        var folder = Path.GetFullPath(Folder);
        var path = Path.GetFullPath(Path.Combine(folder, storedName));
        return Path.GetDirectoryName(path) == folder.TrimEnd(Path.DirectorySeparatorChar) ? path : null;
    }

    private readonly record struct OfferLockState(OfferState Offer, OrderState? Order);

    private static async Task<OfferLockState> StateOfAsync(PortaaliDbContext db, int offerId, CancellationToken ct)
    {
        var found = await db.Offers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new { o.State, OrderState = o.Order == null ? (OrderState?)null : o.Order.State }).ToListAsync(ct);
        return found.Count == 1 ? new OfferLockState(found[0].State, found[0].OrderState) : throw new NotFoundException(CoreText.Get("OfferNotFound"));
    }

    private static string? WhyLocked(OfferLockState s) => s switch
    {
        { Order: OrderState.Invoiced } => CoreText.Get("AttachmentsLockedInvoiced"),
        { Offer: OfferState.Lost } => CoreText.Get("AttachmentsLockedLost"),
        _ => null,
    };

    private static void EnsureChangeable(OfferLockState s)
    {
        if (WhyLocked(s) is { } why) throw new IllegalTransitionException(why);
    }
}
