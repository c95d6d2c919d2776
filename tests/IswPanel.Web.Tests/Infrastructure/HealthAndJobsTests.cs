using System.Net;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Infrastructure;

public sealed class HealthAndJobsTests(DemoApp demo)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_signing_in(string path)
    {
        using var client = demo.App.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DemoUsers.Admin, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Qa, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Northshire, HttpStatusCode.Forbidden)]
    public async Task The_hangfire_dashboard_is_for_panel_administrators_only(string email, HttpStatusCode expected)
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(email, DemoUsers.Password);

        var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync("/hangfire"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        using var client = PageClient.For(demo.App);

        var response = await client.Http.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (response, page) = await client.GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
    }
}
