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

    public static string Isw(int number) => DemoAccounts.Isw(number);
}
