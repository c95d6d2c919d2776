namespace IswPanel.Data.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what to which record, when and from where.
/// Rows are only ever inserted.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }
    public DateTime OccurredAt { get; private init; }
    public Guid? UserId { get; private init; }
    public string? UserRole { get; private init; }
    /// <summary>The actor's authority (commissioners only).</summary>
    public Guid? AuthorityId { get; private init; }

    /// <summary>The authority whose record was touched, so a commissioner can see who accessed their requests.</summary>
    public Guid? SubjectAuthorityId { get; private init; }
    public string Action { get; private init; } = "";
    public string? EntityType { get; private init; }
    public string? EntityId { get; private init; }
    public string? Detail { get; private init; }
    public string? IpAddress { get; private init; }

    public static AuditEvent Create(DateTime occurredAt, string action, Guid? userId, string? userRole, Guid? authorityId,
        string? entityType, string? entityId, string? detail, string? ipAddress, Guid? subjectAuthorityId = null) => new()
        {
            SubjectAuthorityId = subjectAuthorityId,
            OccurredAt = occurredAt,
            Action = action,
            UserId = userId,
            UserRole = userRole,
            AuthorityId = authorityId,
            EntityType = entityType,
            EntityId = entityId,
            Detail = Neutralise(detail, 1000),
            IpAddress = Neutralise(ipAddress, 64),
        };

    /// <summary>Strips CR, LF and other control characters so a value cannot forge a line in an export.</summary>
    public static string? Neutralise(string? value, int maxLength)
    {
        if (value is null) return null;
        // U+2028/U+2029 are not control characters, but some viewers break lines on them too.
        var clean = new string([.. value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);
        return clean.Length > maxLength ? clean[..maxLength] : clean;
    }
}
