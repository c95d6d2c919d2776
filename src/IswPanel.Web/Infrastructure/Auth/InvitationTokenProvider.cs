using IswPanel.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>
/// Tokens for invitation links: valid for longer than a password-reset link (a week by default), and
/// like every Identity token they die when the user's security stamp changes, i.e. once used.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "AcceptInvitation";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
