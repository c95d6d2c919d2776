using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Features.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Benchmarks.Deadlines;

/// <summary>
/// Every recurring sweep Infrastructure/Jobs/RecurringJobs.cs registers that runs through the SweepRunner (find due work
/// with set-based queries, then the items in batches, one unit of work per item), created as Hangfire's activator creates it.
/// </summary>
public static class SweepCatalogue
{
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, CancellationToken, Task<SweepReport>>> All =
        new Dictionary<string, Func<IServiceProvider, CancellationToken, Task<SweepReport>>>
        {
            [ExpireOffers.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ExpireOffers.Job>(s).RunAsync(c),
            [RemindMilestones.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RemindMilestones.Job>(s).RunAsync(c),
            [EscalateOverdueMilestones.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<EscalateOverdueMilestones.Job>(s).RunAsync(c),
            [LapsedDocumentsJob.Id] = (s, c) => ActivatorUtilities.CreateInstance<LapsedDocumentsJob>(s).RunAsync(c),
            [WarnLapsingDocuments.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<WarnLapsingDocuments.Job>(s).RunAsync(c),
            [AtRiskRequests.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<AtRiskRequests.Job>(s).RunAsync(c),
            [RegistrationsToReverify.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RegistrationsToReverify.Job>(s).RunAsync(c),
            [ChaseReferences.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ChaseReferences.Job>(s).RunAsync(c),
            [ChaseStalledApplications.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ChaseStalledApplications.Job>(s).RunAsync(c),
            [RetentionDue.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RetentionDue.Job>(s).RunAsync(c),
        };

    public static IEnumerable<string> Names => All.Keys;
}
