using IswPanel.Domain.Assessments;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;

namespace IswPanel.Data.Tenancy;

/// <summary>
/// The only way handlers read tenant data: every query starts from one of these, so a commissioner
/// sees only their authority's rows and an ISW only their own. A row outside the scope is simply
/// absent, which the edge turns into 404.
/// </summary>
public static class TenantScopes
{
    /// <summary>Requests the user may read: all for panel staff, the authority's for a commissioner, assigned ones for an ISW.</summary>
    public static IQueryable<AssessmentRequest> VisibleTo(this IQueryable<AssessmentRequest> requests, ICurrentUser user)
    {
        if (user.IsPanelStaff()) return requests;
        if (user.IsInRole(Roles.Commissioner) && user.AuthorityId is { } authorityId)
            return requests.Where(r => r.AuthorityId == authorityId);
        if (user.IsInRole(Roles.Isw) && user.IswProfileId is { } iswId)
            return requests.Where(r => r.AssignedIswId == iswId);
        return requests.Where(_ => false);
    }

    /// <summary>
    /// Names the set of requests <see cref="VisibleTo(IQueryable{AssessmentRequest}, ICurrentUser)"/> gives this user,
    /// with the same rules in the same order: two users with the same name see the same requests (a key for figures
    /// kept about a list, such as its total).
    /// </summary>
    public static string RequestScopeName(ICurrentUser user)
    {
        if (user.IsPanelStaff()) return "panel";
        if (user.IsInRole(Roles.Commissioner) && user.AuthorityId is { } authorityId) return $"authority:{authorityId}";
        if (user.IsInRole(Roles.Isw) && user.IswProfileId is { } iswId) return $"isw:{iswId}";
        return "none";
    }

    /// <summary>Panel profiles the user may read: all for panel staff, their own for an ISW, none otherwise.</summary>
    public static IQueryable<IswProfile> VisibleTo(this IQueryable<IswProfile> profiles, ICurrentUser user)
    {
        if (user.IsPanelStaff()) return profiles;
        if (user.IsInRole(Roles.Isw) && user.IswProfileId is { } iswId)
            return profiles.Where(p => p.Id == iswId);
        return profiles.Where(_ => false);
    }
}
