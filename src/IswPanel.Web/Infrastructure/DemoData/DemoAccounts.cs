namespace IswPanel.Web.Infrastructure.DemoData;

/// <summary>The demo logins printed at start and listed in README.md. Development only.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Password-2026!";
    public const string Admin = "admin@demo.iswpanel.test";
    public const string Qa = "qa@demo.iswpanel.test";
    public const string NorthshireCommissioner = "commissioner@northshire.demo.iswpanel.test";
    public const string SouthboroughCommissioner = "commissioner@southborough.demo.iswpanel.test";

    /// <summary>Leah Morgan, a Northshire ASYE social worker shadowing Amara Okonkwo (isw1) on NS-2026-0142: one session attended and reflected on.</summary>
    public const string NorthshireShadower1 = "shadower1@northshire.demo.iswpanel.test";

    /// <summary>Sam Patel, a Northshire newly qualified social worker nominated on NS-2026-0161, waiting for Amara Okonkwo's decision.</summary>
    public const string NorthshireShadower2 = "shadower2@northshire.demo.iswpanel.test";
    public const int IswCount = 12;

    /// <summary>A senior ISW (Peter Lindqvist, isw8) who is also a QA reviewer.</summary>
    public const string SeniorIswAndQa = "isw8@demo.iswpanel.test";

    public static string Isw(int number) => $"isw{number}@demo.iswpanel.test";
}
