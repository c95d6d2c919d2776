using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Shadowing;

/// <summary>How a recorded shadower relates to someone applying to (or on) the panel.</summary>
public enum ShadowerLinkKind
{
    None,

    /// <summary>Only the names match: shown to the administrator, who confirms it or not; it binds nothing yet.</summary>
    PossibleByName,

    /// <summary>The same Social Work England number: the same registered person, no confirmation needed.</summary>
    SameRegistration,

    /// <summary>A panel administrator confirmed that the applicant is this shadower.</summary>
    Confirmed,
}

/// <summary>
/// Shadowers are their authority's permanent staff. When one of them applies to the panel, the shadower record
/// counts as employment for non-solicitation, but only when it is surely the same person: the same registration
/// number, or an administrator's confirmation. A matching name alone is a possible link for a person to judge.
/// </summary>
public static class ShadowerLinks
{
    public static ShadowerLinkKind Classify(Shadower shadower, Guid applicantProfileId, string? applicantSweNumber, string? applicantName)
    {
        ArgumentNullException.ThrowIfNull(shadower);
        if (shadower.ConfirmedApplicantProfileId == applicantProfileId) return ShadowerLinkKind.Confirmed;
        if (SameRegistration(shadower.SocialWorkEnglandNumber, applicantSweNumber)) return ShadowerLinkKind.SameRegistration;
        if (SameName(shadower.FullName, applicantName)) return ShadowerLinkKind.PossibleByName;
        return ShadowerLinkKind.None;
    }

    /// <summary>Whether the link makes the shadower's time at the authority count as the applicant's employment.</summary>
    public static bool Binds(this ShadowerLinkKind kind) => kind is ShadowerLinkKind.SameRegistration or ShadowerLinkKind.Confirmed;

    /// <summary>Registration numbers compared exactly, upper-case, ignoring surrounding spaces; a missing number never matches.</summary>
    public static bool SameRegistration(string? a, string? b)
    {
        var left = Normalise(a);
        var right = Normalise(b);
        return left is not null && right is not null && string.Equals(left, right, StringComparison.Ordinal);
    }

    public static string? Normalise(string? sweNumber) =>
        string.IsNullOrWhiteSpace(sweNumber) ? null : sweNumber.Trim().ToUpperInvariant();

    /// <summary>Names compared by <see cref="Shadower.NameKey"/> (case, spacing and punctuation ignored); an empty name never matches.</summary>
    public static bool SameName(string? a, string? b)
    {
        if (a is null || b is null) return false;
        var left = Shadower.NameKey(a);
        return left.Length > 0 && string.Equals(left, Shadower.NameKey(b), StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether non-solicitation still restricts the shadower on <paramref name="today"/> under <paramref name="terms"/>
    /// (their authority's contract), and until when: see <see cref="NonSolicitation.ConflictWith"/>.
    /// </summary>
    public static NonSolicitationConflict? Restriction(Shadower shadower, ClientAuthorityTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(shadower);
        ArgumentNullException.ThrowIfNull(terms);
        return terms.AuthorityId == shadower.AuthorityId ? NonSolicitation.ConflictWith(terms, [shadower.AsEmploymentSpell()], today) : null;
    }

    /// <summary>
    /// The sentence the vetting page shows for a link, e.g. "Recorded as Northshire County Council's ASYE social worker
    /// since 1 March 2026 by a shadowing nomination — non-solicitation applies until 31 August 2027 (free from that date)."
    /// </summary>
    public static string Describe(Shadower shadower, ClientAuthorityTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(shadower);
        ArgumentNullException.ThrowIfNull(terms);
        var recorded = $"Recorded as {terms.Name}'s {shadower.Role.DisplayName()} since {DisplayDates.Show(shadower.StaffSince)} by a shadowing nomination";
        if (shadower.LeftOn is not { } lastDay)
        {
            return terms.NonSolicitationMonths == 0
                ? $"{recorded} — non-solicitation applies while they work there."
                : $"{recorded} — non-solicitation applies while they work there and for {Months(terms.NonSolicitationMonths)} after they leave.";
        }

        var left = $"{recorded}; their last day was {DisplayDates.Show(lastDay)}";
        var freeFrom = NonSolicitation.FreeFrom(lastDay, terms.NonSolicitationMonths);
        return today < freeFrom
            ? $"{left} — non-solicitation applies until {DisplayDates.Show(freeFrom)} (free from that date)."
            : $"{left} — non-solicitation ended on {DisplayDates.Show(freeFrom)}.";
    }

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";
}
