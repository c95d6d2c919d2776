using IswPanel.Domain.Common;

namespace IswPanel.Domain.Authorities;

/// <summary>The terms agreed with an authority that the server enforces.</summary>
public sealed record AuthorityContract
{
    public const int DefaultNonSolicitationMonths = 12;
    public const int MaxNonSolicitationMonths = 60;

    /// <summary>How long after leaving an authority's permanent staff a person may not join the panel or work for it.</summary>
    public int NonSolicitationMonths { get; init; } = DefaultNonSolicitationMonths;

    /// <summary>Whether the authority may waive non-solicitation in writing for a named person.</summary>
    public bool WaiversAllowed { get; init; }

    /// <summary>Whether the commissioner approves the proposed ISW before work starts.</summary>
    public bool CommissionerApprovesIsw { get; init; }

    /// <summary>How many of the authority's junior practitioners may shadow one session with a family.</summary>
    public int MaxShadowersPerSession { get; init; } = Shadowing.ShadowingCap.Default;

    public static AuthorityContract Default { get; } = new();

    public static AuthorityContract Create(int nonSolicitationMonths, bool waiversAllowed, bool commissionerApprovesIsw,
        int maxShadowersPerSession = Shadowing.ShadowingCap.Default)
    {
        if (nonSolicitationMonths is < 0 or > MaxNonSolicitationMonths)
            throw new DomainException($"The non-solicitation period must be between 0 and {MaxNonSolicitationMonths} months.");
        if (maxShadowersPerSession is < 1 or > Shadowing.ShadowingCap.Maximum)
            throw new DomainException($"Shadowers per session must be between 1 and {Shadowing.ShadowingCap.Maximum}.");
        return new AuthorityContract
        {
            NonSolicitationMonths = nonSolicitationMonths,
            WaiversAllowed = waiversAllowed,
            CommissionerApprovesIsw = commissionerApprovesIsw,
            MaxShadowersPerSession = maxShadowersPerSession,
        };
    }
}
