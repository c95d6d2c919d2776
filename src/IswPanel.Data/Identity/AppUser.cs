using Microsoft.AspNetCore.Identity;

namespace IswPanel.Data.Identity;

/// <summary>
/// A person who signs in. A commissioner belongs to exactly one authority; an Isw user owns one
/// IswProfile (linked from the profile's UserId).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    /// <summary>Set for commissioners only.</summary>
    public Guid? AuthorityId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When an invitation was last sent; cleared once the password is set.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>A disabled account cannot sign in and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>SHA-256 of the secret in the user's calendar-feed URL; resetting it stops the old URL working.</summary>
    public string? CalendarFeedSecretHash { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
