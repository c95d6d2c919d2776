using Hangfire;
using IswPanel.Web.Features.Deadlines;
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
        // Deadline and compliance sweeps (Features/Deadlines, Features/Panel/Jobs): each finds what is due and
        // produces each effect exactly once, so a missed, repeated or overlapping run is harmless.
        jobs.AddOrUpdate<ExpireOffers.Job>(ExpireOffers.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:OfferExpiryCron"] ?? "*/5 * * * *", options);
        jobs.AddOrUpdate<WarnLapsingDocuments.Job>(WarnLapsingDocuments.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:ComplianceWarningsCron"] ?? "0 7 * * *", options);
        jobs.AddOrUpdate<RemindMilestones.Job>(RemindMilestones.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:MilestoneRemindersCron"] ?? "30 7 * * *", options);
        jobs.AddOrUpdate<EscalateOverdueMilestones.Job>(EscalateOverdueMilestones.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:OverdueMilestonesCron"] ?? "35 7 * * *", options);
        jobs.AddOrUpdate<AtRiskRequests.Job>(AtRiskRequests.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:AtRiskDigestCron"] ?? "45 7 * * *", options);
        jobs.AddOrUpdate<RegistrationsToReverify.Job>(RegistrationsToReverify.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:RegistrationReverificationCron"] ?? "0 8 * * *", options);
        jobs.AddOrUpdate<ChaseReferences.Job>(ChaseReferences.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:ReferenceRemindersCron"] ?? "0 9 * * *", options);
        jobs.AddOrUpdate<ChaseStalledApplications.Job>(ChaseStalledApplications.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:StalledApplicationsCron"] ?? "5 9 * * *", options);
        jobs.AddOrUpdate<Features.Retention.RetentionDue.Job>(Features.Retention.RetentionDue.Job.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:RetentionSweepCron"] ?? "0 6 1 * *", options);
        jobs.AddOrUpdate<Features.Outbox.DispatchOutboxJob>(Features.Outbox.DispatchOutboxJob.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:OutboxCron"] ?? "* * * * *", options);
        jobs.AddOrUpdate<Features.Outbox.DailyDigestJob>(Features.Outbox.DailyDigestJob.Id, job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:DigestCron"] ?? "0 7 * * *", options);
    }
}
