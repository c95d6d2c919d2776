using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace IswPanel.Web.Infrastructure.Paging;

/// <summary>
/// Where a newest-first list stopped: the last row's (instant, id). The next page is the rows strictly after it in
/// the list's order, read by seeking the (…, CreatedAt, Id) index instead of counting past every earlier row, so
/// page 1,000 costs what page 1 does. Opaque to clients: base64url of the instant's ticks and the id's bytes.
/// </summary>
public readonly record struct KeysetCursor(DateTime At, Guid Id)
{
    private const int Length = sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, At.Ticks);
        Id.TryWriteBytes(bytes[sizeof(long)..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out KeysetCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64) return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length) return false;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.Slice(sizeof(long), 16)));
        return true;
    }
}
