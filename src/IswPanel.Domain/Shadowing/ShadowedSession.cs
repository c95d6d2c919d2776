using IswPanel.Domain.Common;

namespace IswPanel.Domain.Shadowing;

/// <summary>
/// A logged session (a <see cref="Work.WorkLogEntry"/> with the family) that a shadower attended, with their
/// reflection and the ISW's comment. <see cref="Seat"/> numbers the shadowers of one session from 1: a unique
/// index on (session, seat) holds the per-session cap even when two markings race.
/// </summary>
public sealed class ShadowedSession : Entity
{
    private ShadowedSession() { }

    public const int MaxReflectionLength = 4000;
    public const int MaxCommentLength = 2000;

    public Guid NominationId { get; private set; }
    public Guid ShadowerId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public Guid AssessmentRequestId { get; private set; }
    public Guid WorkLogEntryId { get; private set; }
    public int Seat { get; private set; }

    /// <summary>
    /// The shadower's role when the session was marked, so hours by role for a past period stay as they were when an
    /// ASYE social worker is later recorded as newly qualified.
    /// </summary>
    public ShadowerRole Role { get; private set; }

    /// <summary>Copied from the session when marked, so summaries need no join to the case's work log.</summary>
    public DateOnly SessionDate { get; private set; }
    public int Minutes { get; private set; }
    public DateTime MarkedAt { get; private set; }

    public string? Reflection { get; private set; }
    public DateTime? ReflectedAt { get; private set; }
    public string? IswComment { get; private set; }
    public DateTime? IswCommentedAt { get; private set; }

    public static ShadowedSession Attend(ShadowingNomination nomination, ShadowerRole shadowerRole, Guid workLogEntryId, DateOnly sessionDate,
        int sessionMinutes, bool isSession, IReadOnlyCollection<int> seatsTaken, int maxShadowersPerSession, DateTime now)
    {
        if (!isSession) throw new DomainException("Only sessions with the family (visits, observations, interviews, virtual sessions) can be shadowed.");
        nomination.EnsureMayAttend(sessionDate);
        var seat = ShadowingCap.FreeSeat(seatsTaken, maxShadowersPerSession)
            ?? throw new DomainException(maxShadowersPerSession == 1
                ? "This session already has a shadower: the authority allows one per session."
                : $"This session already has {maxShadowersPerSession} shadowers: the most the authority allows.");
        return new ShadowedSession
        {
            NominationId = nomination.Id,
            ShadowerId = nomination.ShadowerId,
            AuthorityId = nomination.AuthorityId,
            AssessmentRequestId = nomination.AssessmentRequestId,
            WorkLogEntryId = workLogEntryId,
            Seat = seat,
            Role = shadowerRole,
            SessionDate = sessionDate,
            Minutes = sessionMinutes,
            MarkedAt = now,
        };
    }

    public void Reflect(ShadowingNomination nomination, string? reflection, DateTime now)
    {
        if (nomination.Id != NominationId) throw new DomainException("This session belongs to another nomination.");
        nomination.EnsureMayAttend(SessionDate);
        var text = reflection?.Trim() ?? "";
        if (text.Length == 0) throw new DomainException("Enter your reflection.", nameof(Reflection));
        if (text.Length > MaxReflectionLength) throw new DomainException("The reflection must be 4,000 characters or fewer.", nameof(Reflection));
        Reflection = text;
        ReflectedAt = now;
    }

    public void Comment(string? comment, DateTime now)
    {
        if (Reflection is null) throw new DomainException("The shadower has not written a reflection on this session yet.");
        var text = comment?.Trim() ?? "";
        if (text.Length == 0) throw new DomainException("Enter your comment.", nameof(IswComment));
        if (text.Length > MaxCommentLength) throw new DomainException("The comment must be 2,000 characters or fewer.", nameof(IswComment));
        IswComment = text;
        IswCommentedAt = now;
    }
}

/// <summary>The authority's cap on shadowers per session.</summary>
public static class ShadowingCap
{
    public const int Default = 1;
    public const int Maximum = 5;

    /// <summary>The lowest seat from 1 to <paramref name="cap"/> not yet taken, or null when the session is full.</summary>
    public static int? FreeSeat(IReadOnlyCollection<int> taken, int cap)
    {
        for (var seat = 1; seat <= cap; seat++)
        {
            if (!taken.Contains(seat)) return seat;
        }
        return null;
    }
}
