namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>Claims IswPanel adds to every principal, read by <see cref="CurrentUser"/>.</summary>
public static class AppClaimTypes
{
    public const string AuthorityId = "iswpanel:authority";
    public const string IswProfileId = "iswpanel:isw";
    public const string DisplayName = "iswpanel:name";

    /// <summary>The server-side <see cref="IswPanel.Data.Identity.UserSession"/> this sign-in belongs to.</summary>
    public const string SessionId = "iswpanel:session";
}
