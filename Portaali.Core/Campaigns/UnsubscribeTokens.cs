using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portaali.Core.Campaigns;

/// <summary>Signs and checks the tokens of unsubscribe links: the contact's id and an HMAC-SHA256 of it under a key from
/// configuration (or a key file beside the database). No expiry, so links in old messages keep working for years; a
/// changed id or signature is refused.</summary>
public sealed class UnsubscribeTokens
{
    private const int SignatureBytes = 16;
    private readonly byte[] key;

    public UnsubscribeTokens(IOptions<MailingOptions> options, string keyFile)
    {
        var configured = options.Value.UnsubscribeKey;
        key = string.IsNullOrWhiteSpace(configured) ? LoadOrCreateKey(keyFile) : SHA256.HashData(Encoding.UTF8.GetBytes(configured));
    }

    public string Create(int contactId) => $"{contactId.ToString(CultureInfo.InvariantCulture)}.{Base64Url.EncodeToString(Sign(contactId))}";

    /// <summary>The contact the token was made for, or null when it is malformed or its signature does not match.</summary>
    public int? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        var idText = token[..dot];
        if (!idText.All(char.IsAsciiDigit) || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || id.ToString(CultureInfo.InvariantCulture) != idText) return null;
        byte[] signature;
        try { signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1)); }
        catch (FormatException) { return null; }
        return CryptographicOperations.FixedTimeEquals(signature, Sign(id)) ? id : null;
    }

    private byte[] Sign(int contactId) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"portaali-unsubscribe:{contactId.ToString(CultureInfo.InvariantCulture)}"))[..SignatureBytes];

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(fresh));
            return fresh;
        }
        catch (IOException) when (File.Exists(path)) // another process wrote it first: use theirs
        {
            Thread.Sleep(50);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
