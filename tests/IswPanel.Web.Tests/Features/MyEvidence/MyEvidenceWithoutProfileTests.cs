using System.Net;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.MyEvidence;

/// <summary>An Isw user who has not finished applying has no evidence pages yet: they are sent to the application.</summary>
public sealed class MyEvidenceWithoutProfileTests
{
    [Theory]
    [InlineData("/my-evidence")]
    [InlineData("/my-evidence/dbs")]
    [InlineData("/my-evidence/referees")]
    public async Task An_isw_user_without_a_panel_profile_is_sent_to_apply(string url)
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        const string email = "new.applicant@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New Applicant", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Isw)).Succeeded);
        }

        using var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);
        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply", response.Headers.Location?.OriginalString);
    }
}
