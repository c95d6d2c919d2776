using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Testing;
using IswPanel.Web.Features.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Outbox;

/// <summary>Stands in for Hangfire's client: records what would have been enqueued, and runs nothing.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly ConcurrentQueue<Job> created = new();

    public IReadOnlyList<Job> Created => [.. created];

    /// <summary>The email ids of every delivery job enqueued, in order (an id twice means enqueued twice).</summary>
    public IReadOnlyList<Guid> Deliveries => [.. Created.Where(j => j.Type == typeof(DeliverEmailJob)).Select(j => (Guid)j.Args[0])];

    public int Dispatches => Created.Count(j => j.Type == typeof(DispatchOutboxJob));

    public string Create(Job job, IState state)
    {
        created.Enqueue(job);
        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>Outbox emails, dispatchers and delivery jobs, run the way Hangfire runs them: a scope each, by id.</summary>
internal static class OutboxScenario
{
    /// <summary>Another host on the app's database whose Hangfire client is <paramref name="jobs"/>: a second server, in effect.</summary>
    public static WebApplicationFactory<Program> WithJobs(this IswPanelApp app, RecordingJobClient jobs) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IBackgroundJobClient>(jobs)));

    /// <summary>An unsent email straight into the outbox, as a notification would write it.</summary>
    public static async Task<Guid> AddEmailAsync(IswPanelApp app, string to = "someone@example.test", string subject = "IswPanel: a new notification")
    {
        var email = new OutboxEmail
        {
            To = to,
            ToName = "Someone",
            Subject = subject,
            Body = "Something happened.\n\nhttp://localhost/notifications\n",
            Category = "requests",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        await app.WithDbAsync(db =>
        {
            db.OutboxEmails.Add(email);
            return db.SaveChangesAsync();
        });
        return email.Id;
    }

    public static Task<OutboxEmail> EmailAsync(IswPanelApp app, Guid id) =>
        app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    public static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<DispatchOutboxJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the delivery job once, as a Hangfire worker would (the exception, if any, is what Hangfire would see).</summary>
    public static async Task DeliverAsync(IServiceProvider services, Guid emailId, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DeliverEmailJob>(scope.ServiceProvider).RunAsync(emailId, cancellationToken);
    }

    public static async Task<int> DigestAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<DailyDigestJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An API client of <paramref name="factory"/> signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> ApiClientAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<ApiClients.TokenResponse>() ?? throw new InvalidOperationException("No token.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public static Task<Guid> UserIdAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task SetPreferenceAsync(IswPanelApp app, Guid userId, string category, EmailDelivery delivery) =>
        app.WithDbAsync(db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Category = category, Delivery = delivery });
            return db.SaveChangesAsync();
        });
}
