namespace IswPanel.Domain.Security;

/// <summary>The four roles of IswPanel. Names are stored in the database; never rename one.</summary>
public static class Roles
{
    public const string Commissioner = nameof(Commissioner);
    public const string Isw = nameof(Isw);
    public const string PanelAdmin = nameof(PanelAdmin);
    public const string QaReviewer = nameof(QaReviewer);

    public static readonly IReadOnlyList<string> All = [Commissioner, Isw, PanelAdmin, QaReviewer];

    /// <summary>Agency staff who must use two-factor sign-in unless configuration says otherwise.</summary>
    public static readonly IReadOnlyList<string> Staff = [PanelAdmin, QaReviewer];

    public static string DisplayName(string role) => role switch
    {
        Commissioner => "Authority commissioner",
        Isw => "Independent social worker",
        PanelAdmin => "Panel administrator",
        QaReviewer => "QA reviewer",
        _ => role,
    };
}
