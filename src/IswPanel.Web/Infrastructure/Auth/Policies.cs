using IswPanel.Domain.Security;
using Microsoft.AspNetCore.Authorization;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>
/// Named authorization policies. Every controller action declares one of these (or AllowAnonymous);
/// views never re-derive who may do what.
/// </summary>
public static class Policies
{
    public const string Commissioner = Roles.Commissioner;
    public const string Isw = Roles.Isw;
    public const string PanelAdmin = Roles.PanelAdmin;
    public const string QaReviewer = Roles.QaReviewer;
    public const string Shadower = Roles.Shadower;

    /// <summary>Panel administrators and QA reviewers.</summary>
    public const string PanelStaff = nameof(PanelStaff);

    /// <summary>
    /// Any signed-in user, whatever their role and whether or not the session used a second factor: only for
    /// account self-service (two-factor set-up, sign-out), which staff must reach before they have a second factor.
    /// </summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Every role, shadowers included: tenancy is applied by the query (a shadower sees no request or case file).</summary>
    public const string AnyRole = nameof(AnyRole);

    /// <summary>Lists of requests: commissioners (their authority's) and panel administrators (all).</summary>
    public const string ListRequests = nameof(ListRequests);

    /// <summary>One request: its authority's commissioners, panel administrators, and the assigned ISW.</summary>
    public const string ReadRequest = nameof(ReadRequest);

    /// <summary>A shadower's summary: the shadower themself, their authority's commissioners, panel administrators.</summary>
    public const string ShadowingSummary = nameof(ShadowingSummary);

    /// <summary>An authority's figures (dashboard, evidence pack, shadowing hours): its commissioners, and panel administrators.</summary>
    public const string AuthorityInsight = nameof(AuthorityInsight);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(role);
                if (Roles.Staff.Contains(role)) p.AddRequirements(new TwoFactorRequirement());
            });
        }

        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PanelStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.PanelAdmin, Roles.QaReviewer)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(AnyRole, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.All])
            .AddRequirements(new TwoFactorRequirement()));

        options.AddPolicy(ListRequests, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner, Roles.PanelAdmin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(ReadRequest, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner, Roles.PanelAdmin, Roles.Isw)
            .AddRequirements(new TwoFactorRequirement()));

        options.AddPolicy(ShadowingSummary, p => p.RequireAuthenticatedUser().RequireRole(Roles.Shadower, Roles.Commissioner, Roles.PanelAdmin)
            .AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(AuthorityInsight, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commissioner, Roles.PanelAdmin)
            .AddRequirements(new TwoFactorRequirement()));

        // An endpoint that forgets to declare a policy still requires a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
