using Hangfire;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Infrastructure.Configuration;

namespace IswPanel.Web.Infrastructure.Jobs;

/// <summary>
/// Every recurring job IswPanel runs, registered in this one place at start-up. Each job takes ids (or
/// nothing), opens a scope, sends one request through the mediator, and is safe to run twice.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        var options = new RecurringJobOptions { TimeZone = UkClock.UkTimeZone };
        jobs.AddOrUpdate<LapsedDocumentsJob>(LapsedDocumentsJob.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:LapsedDocumentsCron"] ?? "5 * * * *", options);
    }
}
