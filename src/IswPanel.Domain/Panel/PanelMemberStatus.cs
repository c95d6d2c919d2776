namespace IswPanel.Domain.Panel;

/// <summary>Applicant → UnderReview → Active ⇄ Suspended → Removed.</summary>
public enum PanelMemberStatus
{
    Applicant,
    UnderReview,
    Active,
    Suspended,
    Removed,
    Rejected,
}

public static class PanelMemberStatusNames
{
    public static string DisplayName(this PanelMemberStatus status) => status switch
    {
        PanelMemberStatus.UnderReview => "Under review",
        _ => status.ToString(),
    };
}

public static class PanelMemberStatusRules
{
    public static bool CanMove(PanelMemberStatus from, PanelMemberStatus to) => (from, to) switch
    {
        (PanelMemberStatus.Applicant, PanelMemberStatus.UnderReview) => true,
        (PanelMemberStatus.UnderReview, PanelMemberStatus.Active or PanelMemberStatus.Rejected or PanelMemberStatus.Applicant) => true,
        (PanelMemberStatus.Active, PanelMemberStatus.Suspended or PanelMemberStatus.Removed) => true,
        (PanelMemberStatus.Suspended, PanelMemberStatus.Active or PanelMemberStatus.Removed) => true,
        _ => false,
    };
}
