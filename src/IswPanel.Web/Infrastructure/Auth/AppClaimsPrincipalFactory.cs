using System.Security.Claims;
using IswPanel.Data;
using IswPanel.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>Adds the tenant claims (authority, ISW profile) at sign-in, so no request re-queries them.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles,
    IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        if (user.AuthorityId is { } authorityId)
            identity.AddClaim(new Claim(AppClaimTypes.AuthorityId, authorityId.ToString()));

        var iswProfileId = await db.IswProfiles.Where(p => p.UserId == user.Id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        if (iswProfileId is { } iswId)
            identity.AddClaim(new Claim(AppClaimTypes.IswProfileId, iswId.ToString()));
        return identity;
    }
}
