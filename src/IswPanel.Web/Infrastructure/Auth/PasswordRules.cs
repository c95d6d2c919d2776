using IswPanel.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>Length over complexity (NCSC/NIST guidance): 12 to 128 characters, anything allowed.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
}

/// <summary>Identity has a minimum length but no maximum; very long passwords only cost hashing time.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaximumLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {PasswordRules.MaximumLength} characters or fewer.",
            })
            : IdentityResult.Success);
}
