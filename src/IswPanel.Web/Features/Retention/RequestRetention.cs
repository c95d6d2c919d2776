using IswPanel.Domain.Assessments;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Infrastructure.Jobs;

namespace IswPanel.Web.Features.Retention;

/// <summary>
/// Section "Retention". A closed request is kept for its assessment type's <see cref="AssessmentType.RetentionYears"/>
/// (administrators set it per type). A cancelled request never produced a report for court, so what it holds is the
/// authority's referral and letter of instruction, which the authority keeps on its own case file; the panel keeps
/// its copy only long enough to answer questions and complaints about the cancellation: <see cref="CancelledRequestYears"/>
/// years (2 by default).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long a cancelled request's child details are kept, in years (1 to 150).</summary>
    public int CancelledRequestYears { get; set; } = 2;

    /// <summary>The setting, refusing a value that would keep nothing or keep it for ever.</summary>
    public int CancelledYears() => CancelledRequestYears is >= 1 and <= 150
        ? CancelledRequestYears
        : throw new InvalidOperationException($"{Section}:{nameof(CancelledRequestYears)} must be between 1 and 150 years; it is {CancelledRequestYears}.");
}

/// <summary>
/// Starts a request's retention clock when it finishes. Whoever finishes a request calls one of these in the same
/// unit of work: <see cref="Cancelled"/> from cancelling, <see cref="Closed"/> from the close step.
/// </summary>
public static class RequestRetention
{
    /// <summary>A cancelled request: kept for <see cref="RetentionOptions.CancelledRequestYears"/> from the day it was cancelled.</summary>
    public static void Cancelled(AssessmentRequest request, DateOnly cancelledOn, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        request.SetRetention(cancelledOn, options.CancelledYears());
    }

    /// <summary>A closed request: kept for its type's retention policy from the day it was closed.</summary>
    public static void Closed(AssessmentRequest request, AssessmentType type, DateOnly closedOn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(type);
        if (request.AssessmentTypeId != type.Id) throw new ArgumentException("The type is not the request's.", nameof(type));
        request.SetRetention(closedOn, type.RetentionYears);
    }
}

public static class RetentionServices
{
    /// <summary>The retention settings and the monthly sweep's job.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddTransient<RetentionDue.Job>();
        return services;
    }
}
