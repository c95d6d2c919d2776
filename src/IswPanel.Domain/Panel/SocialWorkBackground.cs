namespace IswPanel.Domain.Panel;

public enum SocialWorkBackground
{
    LocalAuthority,
    Cafcass,
    LocalAuthorityAndCafcass,
}

public static class SocialWorkBackgroundNames
{
    public static string DisplayName(this SocialWorkBackground background) => background switch
    {
        SocialWorkBackground.LocalAuthority => "Local authority",
        SocialWorkBackground.Cafcass => "Cafcass",
        SocialWorkBackground.LocalAuthorityAndCafcass => "Local authority and Cafcass",
        _ => background.ToString(),
    };
}
