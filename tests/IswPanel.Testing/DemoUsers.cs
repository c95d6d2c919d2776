using IswPanel.Web.Infrastructure.DemoData;

namespace IswPanel.Testing;

/// <summary>The demo accounts, as the tests use them.</summary>
public static class DemoUsers
{
    public const string Password = DemoAccounts.Password;
    public const string Admin = DemoAccounts.Admin;
    public const string Qa = DemoAccounts.Qa;
    public const string Northshire = DemoAccounts.NorthshireCommissioner;
    public const string Southborough = DemoAccounts.SouthboroughCommissioner;
    public const string SeniorIswAndQa = DemoAccounts.SeniorIswAndQa;

    /// <summary>Leah Morgan (ASYE), shadowing isw1 on NS-2026-0142: accepted, consent given, one session attended with a reflection.</summary>
    public const string Shadower1 = DemoAccounts.NorthshireShadower1;

    /// <summary>Sam Patel (NQSW), nominated on NS-2026-0161, waiting for isw1's decision.</summary>
    public const string Shadower2 = DemoAccounts.NorthshireShadower2;

    public static string Isw(int number) => DemoAccounts.Isw(number);
}
