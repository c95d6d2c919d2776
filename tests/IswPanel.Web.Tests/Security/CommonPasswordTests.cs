using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Security;

namespace IswPanel.Web.Tests.Security;

/// <summary>Passwords on the shipped common-password list (from the zxcvbn-core package) are refused everywhere a password is set.</summary>
public sealed class CommonPasswordTests(DemoApp demo)
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("1234567890123")]
    [InlineData("Sunshine2024!")]
    [InlineData("!!Football123")]
    [InlineData("Information2024!")]
    [InlineData("P4ssw0rd1234")]
    public void Common_passwords_and_dictionary_words_with_decoration_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Demo-Password-2026!")]
    [InlineData("a long and memorable applicant password")]
    [InlineData("tugboat marmalade quiver")]
    public void Long_unusual_passwords_are_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public async Task The_change_password_page_refuses_a_common_password_with_a_clear_message()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Isw(4), DemoUsers.Password);

        var response = await client.PostFormAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoUsers.Password,
            ["NewPassword"] = "qwertyuiop123",
            ["ConfirmPassword"] = "qwertyuiop123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(CommonPasswordValidator.Message, page.QuerySelector(".govuk-error-summary__list a[href='#NewPassword']")?.TextContent.Trim());
        using var old = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await old.SignInAsync(DemoUsers.Isw(4), DemoUsers.Password)).StatusCode); // unchanged
    }

    [Fact]
    public async Task The_apply_journey_refuses_a_common_password()
    {
        using var visitor = PageClient.For(demo.App);

        var response = await visitor.PostFormAsync("/apply/create-account", "/apply/create-account", new Dictionary<string, string>
        {
            ["FullName"] = "Common Password",
            ["Email"] = $"common-{Guid.NewGuid():N}@example.gov.uk",
            ["Password"] = "baseball12345",
            ["ConfirmPassword"] = "baseball12345",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(CommonPasswordValidator.Message, (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }
}
