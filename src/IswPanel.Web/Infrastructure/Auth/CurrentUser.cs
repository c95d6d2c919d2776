using System.Security.Claims;
using IswPanel.Domain.Security;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>The signed-in user of the current HTTP request, read from the principal's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public Guid? UserId => GuidClaim(ClaimTypes.NameIdentifier);
    public string? DisplayName => Principal?.FindFirstValue(AppClaimTypes.DisplayName);
    public Guid? AuthorityId => GuidClaim(AppClaimTypes.AuthorityId);
    public Guid? IswProfileId => GuidClaim(AppClaimTypes.IswProfileId);
    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    private Guid? GuidClaim(string type) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(type), out var id) ? id : null;
}

/// <summary>A fixed identity, for jobs and for tests that send requests through the mediator.</summary>
public sealed class FixedCurrentUser(Guid? userId, IReadOnlyCollection<string> roles, Guid? authorityId = null,
    Guid? iswProfileId = null, string? displayName = null) : ICurrentUser
{
    public Guid? UserId { get; } = userId;
    public string? DisplayName { get; } = displayName;
    public bool IsAuthenticated => UserId is not null;
    public Guid? AuthorityId { get; } = authorityId;
    public Guid? IswProfileId { get; } = iswProfileId;
    public bool IsInRole(string role) => roles.Contains(role);
}
