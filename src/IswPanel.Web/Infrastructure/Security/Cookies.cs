using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// Every cookie IswPanel sets: "__Host-" prefixed (so the browser insists on Secure, Path=/ and no Domain),
/// Secure, HttpOnly and SameSite. Browsers treat http://localhost as a secure origin, so development over
/// plain http on localhost still works.
/// </summary>
public static class Cookies
{
    public const string Prefix = "__Host-";
    public const string Session = Prefix + "IswPanel.Session";
    public const string Antiforgery = Prefix + "IswPanel.Antiforgery";
    public const string TempData = Prefix + "IswPanel.TempData";
    public const string TwoFactorUserId = Prefix + "IswPanel.TwoFactorUserId";
    public const string TwoFactorRememberMe = Prefix + "IswPanel.TwoFactorRememberMe";
    public const string External = Prefix + "IswPanel.External";

    /// <summary>Identity's other cookie schemes, and the cookie clock: the injected TimeProvider (a fake in tests).</summary>
    public static void SecureIdentityCookies(IServiceCollection services)
    {
        foreach (var (scheme, name) in new[]
                 {
                     (IdentityConstants.TwoFactorUserIdScheme, TwoFactorUserId),
                     (IdentityConstants.TwoFactorRememberMeScheme, TwoFactorRememberMe),
                     (IdentityConstants.ExternalScheme, External),
                 })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Name = name;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.Path = "/";
            });
        }

        foreach (var scheme in new[]
                 {
                     IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme,
                     IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme,
                 })
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((options, time) => options.TimeProvider = time);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, time) => options.TimeProvider = time);
    }

    /// <summary>A backstop for any cookie set outside the options above.</summary>
    public static CookiePolicyOptions Policy() => new()
    {
        Secure = CookieSecurePolicy.Always,
        HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
        MinimumSameSitePolicy = SameSiteMode.Lax,
    };
}
