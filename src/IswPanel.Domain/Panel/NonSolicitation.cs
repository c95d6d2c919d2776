using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// One line of employment history as the non-solicitation rule sees it: who employed the person, on what
/// terms, and when. <see cref="EndedOn"/> is the last day of employment; null while it is ongoing.
/// </summary>
public sealed record EmploymentSpell(Guid? AuthorityId, EmploymentKind Kind, DateOnly StartedOn, DateOnly? EndedOn)
{
    /// <summary>The last day of employment; null while ongoing. Never before <see cref="StartedOn"/>.</summary>
    public DateOnly? EndedOn { get; } = EndedOn is { } ended && ended < StartedOn
        ? throw new DomainException("The end date must be on or after the start date.")
        : EndedOn;

    /// <summary>The spell recorded by an ISW's <see cref="EmploymentRecord"/>.</summary>
    public static EmploymentSpell From(EmploymentRecord record) =>
        new(record.AuthorityId, record.Kind, record.StartedOn, record.EndedOn);
}

/// <summary>The non-solicitation terms of one client authority's contract, with its name for explanations.</summary>
public sealed record ClientAuthorityTerms(Guid AuthorityId, string Name, int NonSolicitationMonths, bool WaiversAllowed)
{
    /// <summary>Months after leaving during which the person stays restricted: 0 to <see cref="AuthorityContract.MaxNonSolicitationMonths"/>.</summary>
    public int NonSolicitationMonths { get; } = NonSolicitationMonths is >= 0 and <= AuthorityContract.MaxNonSolicitationMonths
        ? NonSolicitationMonths
        : throw new DomainException($"The non-solicitation period must be between 0 and {AuthorityContract.MaxNonSolicitationMonths} months.");

    /// <summary>The terms of an authority's current contract.</summary>
    public static ClientAuthorityTerms From(Authority authority) =>
        new(authority.Id, authority.Name, authority.Contract.NonSolicitationMonths, authority.Contract.WaiversAllowed);
}

/// <summary>
/// An authority's written waiver of non-solicitation for one person: who granted it, when, and where the
/// document is kept. It lifts the block only if that authority's contract allows waivers.
/// </summary>
public sealed record NonSolicitationWaiver(Guid AuthorityId, string GrantedBy, DateOnly GrantedOn, string DocumentReference)
{
    public string GrantedBy { get; } = string.IsNullOrWhiteSpace(GrantedBy)
        ? throw new DomainException("Enter who granted the waiver.")
        : GrantedBy.Trim();

    public string DocumentReference { get; } = string.IsNullOrWhiteSpace(DocumentReference)
        ? throw new DomainException("Enter the waiver document's reference.")
        : DocumentReference.Trim();
}

/// <summary>
/// A person is restricted by non-solicitation for one authority. <see cref="Until"/> is the first day on
/// which they are free (exclusive end); null while the employment is ongoing.
/// </summary>
public sealed record NonSolicitationConflict(Guid AuthorityId, string AuthorityName, DateOnly? Until, string Reason);

/// <summary>
/// The agency promises each client authority not to recruit its permanent staff. One employment history
/// decides both matching (never offer work to an authority the ISW is conflicted with) and vetting (an
/// applicant cannot be approved while a conflict stands, unless the authority has waived it in writing and
/// its contract allows that). Agency or locum work, and work for employers who are not clients, never count.
/// </summary>
public static class NonSolicitation
{
    /// <summary>Every client authority the person is conflicted with on <paramref name="today"/>, in the order of <paramref name="clients"/>.</summary>
    public static IReadOnlyList<NonSolicitationConflict> Conflicts(IReadOnlyList<EmploymentSpell> history,
        IReadOnlyList<ClientAuthorityTerms> clients, DateOnly today)
    {
        List<NonSolicitationConflict>? conflicts = null;
        foreach (var terms in clients)
        {
            if (ConflictWith(terms, history, today) is { } conflict) (conflicts ??= []).Add(conflict);
        }
        return conflicts ?? [];
    }

    /// <summary>
    /// Whether the person may not be matched to <paramref name="authorityId"/> on <paramref name="today"/>.
    /// An authority missing from <paramref name="clients"/> is not a client, so never conflicts.
    /// </summary>
    public static bool IsConflictedWith(Guid authorityId, IReadOnlyList<EmploymentSpell> history,
        IReadOnlyList<ClientAuthorityTerms> clients, DateOnly today)
    {
        foreach (var terms in clients)
        {
            if (terms.AuthorityId == authorityId && ConflictWith(terms, history, today) is not null) return true;
        }
        return false;
    }

    /// <summary>
    /// The conflicts that stop an applicant being approved. A conflict is waived only when the authority's
    /// contract allows waivers and a waiver from that authority is recorded; each reason says why it still blocks.
    /// </summary>
    public static IReadOnlyList<NonSolicitationConflict> ApprovalBlocks(IReadOnlyList<EmploymentSpell> history,
        IReadOnlyList<ClientAuthorityTerms> clients, IReadOnlyList<NonSolicitationWaiver> waivers, DateOnly today)
    {
        List<NonSolicitationConflict>? blocks = null;
        foreach (var terms in clients)
        {
            if (ConflictWith(terms, history, today) is not { } conflict) continue;
            var waiver = WaiverFrom(terms.AuthorityId, waivers);
            if (terms.WaiversAllowed && waiver is not null) continue;

            var why = (terms.WaiversAllowed, waiver) switch
            {
                (true, _) => $"{terms.Name}'s contract allows a written waiver, but none is recorded.",
                (false, null) => $"{terms.Name}'s contract does not allow waivers.",
                (false, { } recorded) => $"A waiver is recorded (reference {recorded.DocumentReference}), but {terms.Name}'s contract does not allow waivers, so it does not lift the restriction.",
            };
            (blocks ??= []).Add(conflict with { Reason = $"{conflict.Reason} {why}" });
        }
        return blocks ?? [];
    }

    /// <summary>
    /// The first day a person who was employed until <paramref name="endedOn"/> (their last day) is free:
    /// <paramref name="endedOn"/> plus the period in months, as <see cref="DateOnly.AddMonths"/> gives
    /// (31 January plus one month is 28 or 29 February). With a period of 0 the person is still restricted
    /// on their last day of employment, because they are still employed, and free the day after.
    /// </summary>
    public static DateOnly FreeFrom(DateOnly endedOn, int months)
    {
        var afterPeriod = endedOn.AddMonths(months);
        var dayAfterLeaving = endedOn.AddDays(1);
        return afterPeriod > dayAfterLeaving ? afterPeriod : dayAfterLeaving;
    }

    /// <summary>The person's conflict with one client authority on <paramref name="today"/>, or null.</summary>
    public static NonSolicitationConflict? ConflictWith(ClientAuthorityTerms terms, IReadOnlyList<EmploymentSpell> history,
        DateOnly today)
    {
        DateOnly? latestEnd = null;
        foreach (var spell in history)
        {
            if (spell.Kind != EmploymentKind.Permanent || spell.AuthorityId != terms.AuthorityId) continue;
            if (spell.EndedOn is not { } ended)
                return new NonSolicitationConflict(terms.AuthorityId, terms.Name, null, $"Currently a permanent employee of {terms.Name}.");
            if (latestEnd is null || ended > latestEnd) latestEnd = ended;
        }
        if (latestEnd is not { } lastDay) return null;

        var until = FreeFrom(lastDay, terms.NonSolicitationMonths);
        if (today >= until) return null;

        var reason = terms.NonSolicitationMonths == 0
            ? $"Permanent employee of {terms.Name} until {DisplayDates.Show(lastDay)}; the contract sets no non-solicitation period after leaving."
            : $"Permanent employee of {terms.Name} until {DisplayDates.Show(lastDay)}; non-solicitation applies until {DisplayDates.Show(until)} (free from that date).";
        return new NonSolicitationConflict(terms.AuthorityId, terms.Name, until, reason);
    }

    private static NonSolicitationWaiver? WaiverFrom(Guid authorityId, IReadOnlyList<NonSolicitationWaiver> waivers)
    {
        foreach (var waiver in waivers)
        {
            if (waiver.AuthorityId == authorityId) return waiver;
        }
        return null;
    }
}
