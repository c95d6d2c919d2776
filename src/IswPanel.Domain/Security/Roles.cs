namespace IswPanel.Domain.Security;

/// <summary>The roles of IswPanel. Names are stored in the database; never rename one.</summary>
public static class Roles
{
    public const string Commissioner = nameof(Commissioner);
    public const string Isw = nameof(Isw);
    public const string PanelAdmin = nameof(PanelAdmin);
    public const string QaReviewer = nameof(QaReviewer);

    /// <summary>An authority's junior practitioner who shadows ISWs: sees only the sessions they attend.</summary>
    public const string Shadower = nameof(Shadower);

    public static readonly IReadOnlyList<string> All = [Commissioner, Isw, PanelAdmin, QaReviewer, Shadower];

    /// <summary>Agency staff who must use two-factor sign-in unless configuration says otherwise.</summary>
    public static readonly IReadOnlyList<string> Staff = [PanelAdmin, QaReviewer];

    public static string DisplayName(string role) => role switch
    {
        Commissioner => "Authority commissioner",
        Isw => "Independent social worker",
        PanelAdmin => "Panel administrator",
        QaReviewer => "QA reviewer",
        Shadower => "Shadowing practitioner",
        _ => role,
    };
}
