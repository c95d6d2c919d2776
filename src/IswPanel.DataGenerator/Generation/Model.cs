using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;

namespace IswPanel.DataGenerator.Generation;

/// <summary>Someone who acts in the generated history: their account, role (as the audit trail names it) and address.</summary>
internal sealed record Person(Guid Id, string Name, string Email, string Role, Guid? AuthorityId, string IpAddress);

/// <summary>An authority and what the request generator needs to know about it.</summary>
internal sealed class AuthorityState(int index, Authority entity, string slug, string prefix, double weight)
{
    public int Index { get; } = index;
    public Authority Entity { get; } = entity;
    public Guid Id => Entity.Id;
    public EnglishRegion Region => Entity.Region;
    public string Slug { get; } = slug;

    /// <summary>The start of the authority's case references, e.g. "ASH" in ASH-2026-0142.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>How much work the authority sends, relative to the others.</summary>
    public double Weight { get; } = weight;

    public ClientAuthorityTerms Terms { get; } = ClientAuthorityTerms.From(entity);
    public List<Person> Commissioners { get; } = [];
    public Dictionary<int, int> CaseNumbers { get; } = [];

    /// <summary>Recent cases, so some requests are follow-on assessments of the same family.</summary>
    public List<(string CaseReference, string ChildInitials, int? IswIndex)> RecentCases { get; } = [];

    /// <summary>Junior practitioners recorded so far (made on their first nomination).</summary>
    public List<(Shadower Record, Person Account)> Shadowers { get; } = [];
    public int ShadowerPool { get; set; }
}

/// <summary>A panel member as matching sees them over time: when they could take work, their load, their conflicts.</summary>
internal sealed class IswState(int index, IswProfile profile, Person account)
{
    public int Index { get; } = index;
    public Guid Id => Profile.Id;
    public IswProfile Profile { get; } = profile;
    public Person Account { get; } = account;
    public string Name => Profile.FullName;

    /// <summary>0 (weak) to 1 (excellent): drives QA outcomes, lateness and ratings.</summary>
    public double Quality { get; set; }

    /// <summary>When they joined the panel; <see cref="DateTime.MaxValue"/> for those never approved.</summary>
    public DateTime ApprovedAt { get; set; } = DateTime.MaxValue;

    /// <summary>When they left the panel (removed), or never.</summary>
    public DateTime RemovedAt { get; set; } = DateTime.MaxValue;

    /// <summary>Times they could not be matched: suspensions, the last of which may still be open.</summary>
    public List<(DateTime From, DateTime To)> Suspensions { get; } = [];

    /// <summary>Types they take (bit per catalogue index) and whether they hold each listed special skill.</summary>
    public ulong TypeMask { get; set; }
    public HashSet<string> Skills { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Permanent employment at client authorities: non-solicitation for matching.</summary>
    public List<EmploymentSpell> ClientSpells { get; } = [];

    /// <summary>The first day one of the current registration, DBS or insurance documents stops counting.</summary>
    public DateOnly EarliestLapse { get; set; } = DateOnly.MaxValue;

    /// <summary>Assessments in hand over time, in ticks: [accepted, released or ended); open-ended while in hand today.</summary>
    public List<(long Start, long End)> Load { get; } = [];

    public bool IsMatchableAt(DateTime at)
    {
        if (at < ApprovedAt || at >= RemovedAt) return false;
        foreach (var (from, to) in Suspensions)
            if (at >= from && at < to) return false;
        return true;
    }

    /// <summary>The most assessments in hand at any moment of [start, end).</summary>
    public int PeakLoad(long start, long end)
    {
        var peak = 0;
        foreach (var (s, _) in Load)
        {
            // The load only rises at a start, so the peak over the window is at its start or at a start inside it.
            var point = s <= start ? start : s;
            if (point >= end) continue;
            var count = 0;
            foreach (var (s2, e2) in Load)
                if (s2 <= point && point < e2) count++;
            peak = Math.Max(peak, count);
        }
        return peak;
    }

    /// <summary>Forgets assessments that ended before <paramref name="before"/>: nothing later can overlap them.</summary>
    public void Forget(long before) => Load.RemoveAll(l => l.End < before);
}
