namespace IswPanel.Domain.Security;

/// <summary>
/// Who is asking. Handlers scope every query by it: a commissioner reads only their authority's data,
/// an ISW only their own, panel staff everything.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string? DisplayName { get; }
    bool IsAuthenticated { get; }
    bool IsInRole(string role);

    /// <summary>The authority a commissioner belongs to; null for everyone else.</summary>
    Guid? AuthorityId { get; }

    /// <summary>The panel profile an ISW owns; null for everyone else.</summary>
    Guid? IswProfileId { get; }
}

public static class CurrentUserExtensions
{
    public static bool IsPanelStaff(this ICurrentUser user) =>
        user.IsInRole(Roles.PanelAdmin) || user.IsInRole(Roles.QaReviewer);
}
