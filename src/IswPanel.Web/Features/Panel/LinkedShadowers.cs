using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// The shadower records that belong to a panel applicant or member (see <see cref="ShadowerLinks"/>): the same Social
/// Work England number, or an administrator's confirmation. Their time as an authority's permanent staff counts
/// for non-solicitation alongside the employment history the person gave.
/// </summary>
public static class LinkedShadowers
{
    /// <summary>The linked shadower records of a profile: one query (indexed on the number and the confirmation).</summary>
    public static async Task<IReadOnlyList<Shadower>> LinkedToAsync(this AppDbContext db, Guid profileId, string? sweNumber,
        CancellationToken cancellationToken)
    {
        var number = ShadowerLinks.Normalise(sweNumber);
        return await db.Shadowers.AsNoTracking()
            .Where(s => s.ConfirmedApplicantProfileId == profileId || (number != null && s.SocialWorkEnglandNumber == number))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The employment spells of the profile's linked shadower records, for <see cref="IswProfile.Vet"/>.</summary>
    public static async Task<IReadOnlyList<EmploymentSpell>> ShadowerSpellsAsync(this AppDbContext db, IswProfile profile,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. (await db.LinkedToAsync(profile.Id, profile.SweNumber, cancellationToken)).Select(s => s.AsEmploymentSpell())];
    }

    /// <summary>
    /// For the vetting page: the linked records, and the records whose name matches (possible links for an administrator
    /// to confirm). Name matches are looked for only among shadowers whom non-solicitation could still restrict (still
    /// employed, or left within the longest contract period), so the list stays short however many have been recorded.
    /// </summary>
    public static async Task<IReadOnlyList<(Shadower Shadower, ShadowerLinkKind Kind)>> ForVettingAsync(this AppDbContext db, IswProfile profile,
        DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var number = ShadowerLinks.Normalise(profile.SweNumber);
        var leftSince = today.AddMonths(-AuthorityContract.MaxNonSolicitationMonths).AddDays(-1);
        var candidates = await db.Shadowers.AsNoTracking()
            .Where(s => s.ConfirmedApplicantProfileId == profile.Id || (number != null && s.SocialWorkEnglandNumber == number)
                || s.LeftOn == null || s.LeftOn >= leftSince)
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Select(s => (Shadower: s, Kind: ShadowerLinks.Classify(s, profile.Id, profile.SweNumber, profile.FullName)))
            .Where(x => x.Kind != ShadowerLinkKind.None)
            .OrderByDescending(x => x.Kind.Binds()).ThenBy(x => x.Shadower.FullName, StringComparer.Ordinal)];
    }

    /// <summary>A shadower record that stops the agency contacting an applicant about joining, and why.</summary>
    public sealed record Restriction(Shadower Shadower, string Authority, string How, NonSolicitationConflict Conflict)
    {
        public string Explain() =>
            $"Linked to {Shadower.FullName}, recorded as {Authority}'s {Shadower.Role.DisplayName()} ({How}). {Conflict.Reason} " +
            "The agency does not contact an authority's permanent staff about joining the panel.";
    }

    /// <summary>
    /// The linked shadower records under which non-solicitation still applies to an applicant today (after any waiver
    /// the authority's contract allows): the same registration number, the administrator's confirmation, or the same
    /// email address as the shadower's work email. Empty when the agency may contact them. Two queries.
    /// </summary>
    public static async Task<IReadOnlyList<Restriction>> RestrictingAsync(this AppDbContext db, Guid? profileId, string? sweNumber,
        string? email, IReadOnlyList<NonSolicitationWaiver> waivers, DateOnly today, CancellationToken cancellationToken)
    {
        var number = ShadowerLinks.Normalise(sweNumber);
        var mail = NormaliseEmail(email);
        var linked = await db.Shadowers.AsNoTracking()
            .Where(s => (profileId != null && s.ConfirmedApplicantProfileId == profileId)
                || (number != null && s.SocialWorkEnglandNumber == number)
                || (mail != null && s.WorkEmail == mail))
            .ToListAsync(cancellationToken);
        return await RestrictionsAsync(db, linked, profileId, number, waivers, today, cancellationToken);
    }

    /// <summary>
    /// For many applicants at once (a sweep's batch): every shadower record linked to any of them, in one query; pass it
    /// to <see cref="RestrictingAmongAsync"/> for each applicant.
    /// </summary>
    public static async Task<IReadOnlyList<Shadower>> LinkedToAnyAsync(this AppDbContext db,
        IReadOnlyCollection<(Guid ProfileId, string? SweNumber, string? Email)> applicants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var ids = applicants.Select(a => (Guid?)a.ProfileId).Distinct().ToList();
        var numbers = applicants.Select(a => ShadowerLinks.Normalise(a.SweNumber)).OfType<string>().Distinct().ToList();
        var mails = applicants.Select(a => NormaliseEmail(a.Email)).OfType<string>().Distinct().ToList();
        return await db.Shadowers.AsNoTracking()
            .Where(s => ids.Contains(s.ConfirmedApplicantProfileId) || numbers.Contains(s.SocialWorkEnglandNumber!) || mails.Contains(s.WorkEmail))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="RestrictingAsync"/> among shadower records already read (<see cref="LinkedToAnyAsync"/>): the same
    /// links, matched in memory (numbers and emails are stored normalised, so ordinal equality is the database's); one
    /// query more only when one is linked.
    /// </summary>
    public static async Task<IReadOnlyList<Restriction>> RestrictingAmongAsync(this AppDbContext db, IReadOnlyList<Shadower> candidates,
        Guid profileId, string? sweNumber, string? email, IReadOnlyList<NonSolicitationWaiver> waivers, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var number = ShadowerLinks.Normalise(sweNumber);
        var mail = NormaliseEmail(email);
        var linked = candidates.Where(s => s.ConfirmedApplicantProfileId == profileId
            || (number != null && string.Equals(s.SocialWorkEnglandNumber, number, StringComparison.Ordinal))
            || (mail != null && string.Equals(s.WorkEmail, mail, StringComparison.Ordinal))).ToList();
        return await RestrictionsAsync(db, linked, profileId, number, waivers, today, cancellationToken);
    }

    private static string? NormaliseEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static async Task<IReadOnlyList<Restriction>> RestrictionsAsync(AppDbContext db, List<Shadower> linked, Guid? profileId,
        string? number, IReadOnlyList<NonSolicitationWaiver> waivers, DateOnly today, CancellationToken cancellationToken)
    {
        if (linked.Count == 0) return [];

        var clients = await db.ClientTermsAsync(cancellationToken);
        var restrictions = new List<Restriction>();
        foreach (var shadower in linked)
        {
            var terms = clients.SingleOrDefault(t => t.AuthorityId == shadower.AuthorityId);
            if (terms is null || ShadowerLinks.Restriction(shadower, terms, today) is not { } conflict) continue;
            if (NonSolicitation.ApprovalBlocks([shadower.AsEmploymentSpell()], [terms], waivers, today).Count == 0) continue;
            var how = profileId is not null && shadower.ConfirmedApplicantProfileId == profileId ? "confirmed by an administrator"
                : ShadowerLinks.SameRegistration(shadower.SocialWorkEnglandNumber, number) ? "the same Social Work England number"
                : "the same email address";
            restrictions.Add(new Restriction(shadower, terms.Name, how, conflict));
        }

        return restrictions;
    }
}
