using System.Globalization;
using IswPanel.Web.Features.Panel.Jobs;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Section "Deadlines": the policy numbers the sweeps use (DOMAIN.md gives the defaults). Lists are written as
/// comma-separated numbers ("30,14,7") so a setting replaces the default rather than adding to it.
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Milestone reminders to the assigned ISW, in working days before the milestone (0 = on the day).</summary>
    public string ReminderWorkingDays { get; set; } = "5,2,0";

    /// <summary>Compliance warnings, in days before a document lapses.</summary>
    public string ComplianceWarningDays { get; set; } = "30,14,7";

    /// <summary>Working days after which an unanswered reference or an untouched application is chased.</summary>
    public int ChaseAfterWorkingDays { get; set; } = 5;

    /// <summary>The reminder points, largest first, without duplicates; never empty.</summary>
    public IReadOnlyList<int> ReminderPoints() => Parse(ReminderWorkingDays, nameof(ReminderWorkingDays), "5,2,0");

    /// <summary>The warning points, largest first, without duplicates and each at least 1; never empty.</summary>
    public IReadOnlyList<int> WarningPoints() => [.. Parse(ComplianceWarningDays, nameof(ComplianceWarningDays), "30,14,7").Where(d => d >= 1)];

    private static int[] Parse(string? text, string name, string fallback)
    {
        var values = (string.IsNullOrWhiteSpace(text) ? fallback : text)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new InvalidOperationException($"{Section}:{name} must be comma-separated whole numbers, like \"{fallback}\"; \"{text}\" is not."))
            .Distinct().OrderDescending().ToArray();
        return values.Length > 0 ? values : Parse(fallback, name, fallback);
    }
}

/// <summary>Registers the sweeps (Hangfire resolves each job class from a scope) and their options.</summary>
public static class DeadlineSweeps
{
    public static IServiceCollection AddDeadlineSweeps(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeadlineOptions>(configuration.GetSection(DeadlineOptions.Section));
        services.Configure<SweepOptions>(configuration.GetSection(SweepOptions.Section));
        services.AddTransient<SweepRunner>();
        services.AddScoped<SweepBatch>();
        services.AddTransient<ExpireOffers.Job>();
        services.AddTransient<RemindMilestones.Job>();
        services.AddTransient<EscalateOverdueMilestones.Job>();
        services.AddTransient<AtRiskRequests.Job>();
        services.AddTransient<RegistrationsToReverify.Job>();
        services.AddTransient<LapsedDocumentsJob>();
        services.AddTransient<WarnLapsingDocuments.Job>();
        services.AddTransient<ChaseReferences.Job>();
        services.AddTransient<ChaseStalledApplications.Job>();
        return services;
    }
}
