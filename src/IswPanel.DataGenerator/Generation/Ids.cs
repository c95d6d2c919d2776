using System.Buffers.Binary;
using System.Reflection;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// Identifiers drawn from the seed instead of the clock and the system's randomness, so the same seed always gives
/// the same ids. They are version-7 shaped (milliseconds since 1970 first, then random bits), like the ids the
/// application makes with <see cref="Guid.CreateVersion7()"/>, so they sort by creation time as real ones do.
/// </summary>
internal sealed class Ids(long seed)
{
    private readonly SeededRandom random = new(seed, "ids");

    public Guid At(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[6..]);
        var milliseconds = (ulong)(at - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[..8], (milliseconds << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..8]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random (version-4 shaped) value for concurrency tokens and stamps.</summary>
    public Guid Token()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Hex of random bytes: a stand-in for a file's SHA-256.</summary>
    public string Hex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    /// <summary>An Identity security stamp: 32 characters of base 32, as Identity makes them.</summary>
    public string SecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Span<char> chars = stackalloc char[32];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}

/// <summary>
/// Sets what the domain's factories fill from the clock or <see cref="Guid.NewGuid"/>: entity ids, concurrency tokens,
/// and the one foreign key a factory copies from a parent's id before the generator can replace it. Compiled once.
/// </summary>
internal static class Seeded
{
    private static readonly Action<Entity, Guid> SetEntityId = Setter<Entity, Guid>(nameof(Entity.Id));
    private static readonly Action<AssessmentRequest, Guid> SetRequestVersion = Setter<AssessmentRequest, Guid>(nameof(AssessmentRequest.Version));
    private static readonly Action<IswProfile, Guid> SetLoadVersion = Setter<IswProfile, Guid>(nameof(IswProfile.LoadVersion));
    private static readonly Action<ComplianceDocument, Guid> SetDocumentProfile = Setter<ComplianceDocument, Guid>(nameof(ComplianceDocument.IswProfileId));

    /// <summary>Gives a freshly made entity its seeded id (before anything copies it).</summary>
    public static T WithId<T>(this T entity, Guid id) where T : Entity
    {
        SetEntityId(entity, id);
        return entity;
    }

    public static void SetVersion(AssessmentRequest request, Guid version) => SetRequestVersion(request, version);

    public static void SetLoad(IswProfile profile, Guid version) => SetLoadVersion(profile, version);

    /// <summary><see cref="IswProfile.Create"/> records the registration document with the profile's first id.</summary>
    public static void MoveDocument(ComplianceDocument document, Guid profileId) => SetDocumentProfile(document, profileId);

    private static Action<TTarget, TValue> Setter<TTarget, TValue>(string property)
    {
        var setter = typeof(TTarget).GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetSetMethod(nonPublic: true)
            ?? throw new InvalidOperationException($"{typeof(TTarget).Name}.{property} has no setter to seed.");
        return setter.CreateDelegate<Action<TTarget, TValue>>();
    }
}
