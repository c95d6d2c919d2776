using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Audit;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Govuk;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Audit;

/// <summary>
/// The administrators' audit search, shared by the page and the CSV export: by user (email or name, in part), by record
/// (type and id, or a request's case reference, which finds the request, its offers and its letter of instruction), by
/// action, and by period (UK dates, from the start of the first day to the end of the last).
/// </summary>
public record AuditFilter : IUkPeriod
{
    public string? User { get; init; }
    public string? RecordType { get; init; }
    public string? RecordId { get; init; }
    public string? CaseReference { get; init; }
    public string? Action { get; init; }
    public DateInput From { get; init; } = new();
    public DateInput To { get; init; } = new();

    /// <summary>The record types the trail names, for the search form.</summary>
    public static readonly IReadOnlyList<string> RecordTypes =
    [
        nameof(AssessmentRequest), nameof(StoredFile), "Offer", "User", "Authority", "IswProfile", nameof(AssessmentType),
        "ComplianceDocument", "Referee", "OutboxEmail", "BankHolidayUpload",
    ];

    /// <summary>Every action the application writes, for the search form.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        .. typeof(AuditActions).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Distinct().Order(StringComparer.Ordinal),
    ];

    /// <summary>A short description of the filter, for the export's own audit row.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        User is { Length: > 0 } ? $"user {User}" : null,
        RecordType is { Length: > 0 } ? $"type {RecordType}" : null,
        RecordId is { Length: > 0 } ? $"id {RecordId}" : null,
        CaseReference is { Length: > 0 } ? $"case {CaseReference}" : null,
        Action is { Length: > 0 } ? $"action {Action}" : null,
        From.ToDate() is { } f ? $"from {f:yyyy-MM-dd}" : null,
        To.ToDate() is { } t ? $"to {t:yyyy-MM-dd}" : null,
    }.Where(s => s is not null)) is { Length: > 0 } d ? d : "everything";

    /// <summary>The start of a UK day, in UTC.</summary>
    public static DateTime StartOfUkDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkClock.UkTimeZone);

    /// <summary>The events the filter selects (tracking off), newest first is the caller's to apply.</summary>
    public async Task<IQueryable<AuditEvent>> ApplyAsync(AppDbContext db, IQueryable<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        events = events.Within(this);

        if (Action is { Length: > 0 } action)
        {
            var a = action.Trim();
            events = events.Where(e => e.Action == a);
        }

        if (User is { Length: > 0 } user)
        {
            var text = user.Trim().ToUpperInvariant();
            // Upper-cased on both sides so every provider compares without case (EF translates ToUpper, not StringComparison).
#pragma warning disable CA1862
            var ids = await db.Users.AsNoTracking()
                .Where(u => u.NormalizedEmail!.Contains(text) || u.DisplayName.ToUpper().Contains(text))
                .Select(u => (Guid?)u.Id).Take(500).ToListAsync(cancellationToken);
#pragma warning restore CA1862
            events = events.Where(e => ids.Contains(e.UserId));
        }

        if (CaseReference is { Length: > 0 } caseReference)
        {
            var reference = caseReference.Trim();
            var requests = await db.AssessmentRequests.AsNoTracking().Where(r => r.CaseReference == reference).Select(r => r.Id)
                .Take(100).ToListAsync(cancellationToken);
            events = await RequestKeys.OnlyAsync(db, events, requests, cancellationToken);
        }

        if (RecordType is { Length: > 0 } || RecordId is { Length: > 0 })
        {
            var type = RecordType?.Trim();
            var id = RecordId?.Trim().ToLowerInvariant();
            if (type == nameof(AssessmentRequest) && Guid.TryParse(id, out var requestId))
                events = await RequestKeys.OnlyAsync(db, events, [requestId], cancellationToken);
            else
            {
                if (!string.IsNullOrEmpty(type)) events = events.Where(e => e.EntityType == type);
                if (!string.IsNullOrEmpty(id)) events = events.Where(e => e.EntityId == id);
            }
        }

        return events;
    }
}

/// <summary>Checks the filter's answers (dates that are real, a period the right way round).</summary>
public abstract class AuditFilterValidator<T> : AbstractValidator<T> where T : AuditFilter
{
    protected AuditFilterValidator()
    {
        Include(new UkPeriodValidator());
        RuleFor(f => f.RecordType).Must(t => AuditFilter.RecordTypes.Contains(t)).When(f => !string.IsNullOrWhiteSpace(f.RecordType))
            .WithMessage("Select a record type from the list.");
        RuleFor(f => f.RecordId).MaximumLength(64).WithMessage("The record's id must be 64 characters or fewer.");
        RuleFor(f => f.User).MaximumLength(256).WithMessage("The user must be 256 characters or fewer.");
        RuleFor(f => f.CaseReference).MaximumLength(64).WithMessage("The case reference must be 64 characters or fewer.");
        RuleFor(f => f.Action).Must(a => AuditFilter.Actions.Contains(a)).When(f => !string.IsNullOrWhiteSpace(f.Action))
            .WithMessage("Select an action from the list.");
    }
}

/// <summary>
/// A request's trail covers the request itself, its offers and its letter of instruction (the rows name those records).
/// </summary>
public static class RequestKeys
{
    public const string Offer = "Offer";

    public static async Task<IQueryable<AuditEvent>> OnlyAsync(AppDbContext db, IQueryable<AuditEvent> events, IReadOnlyList<Guid> requestIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var requests = requestIds.Select(Key).ToList();
        var offers = (await db.Offers.AsNoTracking().Where(o => requestIds.Contains(o.AssessmentRequestId)).Select(o => o.Id).ToListAsync(cancellationToken))
            .Select(Key).ToList();
        var files = (await db.AssessmentRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id) && r.LetterOfInstructionFileId != null)
            .Select(r => r.LetterOfInstructionFileId!.Value).ToListAsync(cancellationToken)).Select(Key).ToList();
        return events.Where(e =>
            (e.EntityType == nameof(AssessmentRequest) && requests.Contains(e.EntityId!))
            || (e.EntityType == Offer && offers.Contains(e.EntityId!))
            || (e.EntityType == nameof(StoredFile) && files.Contains(e.EntityId!)));
    }

    /// <summary>How the audit log writes an id (Guid.ToString()).</summary>
    public static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The request each event is about, where the event names a request, one of its offers or its letter.</summary>
    public static async Task<Dictionary<long, Guid>> ResolveAsync(AppDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        static Guid? Parse(string? id) => Guid.TryParse(id, out var g) ? g : null;
        var offerIds = events.Where(e => e.EntityType == Offer).Select(e => Parse(e.EntityId)).OfType<Guid>().Distinct().ToList();
        var fileIds = events.Where(e => e.EntityType == nameof(StoredFile)).Select(e => Parse(e.EntityId)).OfType<Guid>().Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.AssessmentRequestId, cancellationToken);
        var files = await db.AssessmentRequests.AsNoTracking()
            .Where(r => r.LetterOfInstructionFileId != null && fileIds.Contains(r.LetterOfInstructionFileId.Value))
            .ToDictionaryAsync(r => r.LetterOfInstructionFileId!.Value, r => r.Id, cancellationToken);

        var result = new Dictionary<long, Guid>();
        foreach (var e in events)
        {
            Guid? request = e.EntityType switch
            {
                nameof(AssessmentRequest) => Parse(e.EntityId),
                Offer when Parse(e.EntityId) is { } o && offers.TryGetValue(o, out var r) => r,
                nameof(StoredFile) when Parse(e.EntityId) is { } f && files.TryGetValue(f, out var r) => r,
                _ => null,
            };
            if (request is { } id) result[e.Id] = id;
        }

        return result;
    }
}

/// <summary>Keyset paging over the trail, newest first: the page after the row (OccurredAt, Id) named by the cursor.</summary>
public static class AuditPaging
{
    public const int PageSize = 50;

    public static string Cursor(AuditEvent last) => string.Create(CultureInfo.InvariantCulture, $"{last.OccurredAt.Ticks}-{last.Id}");

    public static IQueryable<AuditEvent> NewestFirstAfter(IQueryable<AuditEvent> events, string? cursor)
    {
        var parts = cursor?.Split('-');
        if (parts is { Length: 2 } && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
        {
            var at = new DateTime(ticks, DateTimeKind.Utc);
            events = events.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id));
        }

        return events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }
}

/// <summary>A period of UK dates, as the audit pages ask for it.</summary>
public interface IUkPeriod
{
    DateInput From { get; }
    DateInput To { get; }
}

/// <summary>The period's answers: real dates, the right way round.</summary>
public sealed class UkPeriodValidator : AbstractValidator<IUkPeriod>
{
    public UkPeriodValidator()
    {
        RuleFor(f => f.From).Must(d => d.IsEmpty || d.ToDate() is not null)
            .WithMessage("Enter the start of the period as a real date, like 1 11 2026.");
        RuleFor(f => f.To).Must(d => d.IsEmpty || d.ToDate() is not null)
            .WithMessage("Enter the end of the period as a real date, like 30 11 2026.");
        RuleFor(f => f.To).Must((f, to) => to.ToDate() >= f.From.ToDate())
            .When(f => f.From.ToDate() is not null && f.To.ToDate() is not null)
            .WithMessage("The end of the period must be the same as or after the start.");
    }
}

public static class UkPeriodQueries
{
    /// <summary>The events from the start of the period's first UK day to the end of its last (either end may be open).</summary>
    public static IQueryable<AuditEvent> Within(this IQueryable<AuditEvent> events, IUkPeriod period)
    {
        if (period.From.ToDate() is { } from)
        {
            var start = AuditFilter.StartOfUkDay(from);
            events = events.Where(e => e.OccurredAt >= start);
        }

        if (period.To.ToDate() is { } to)
        {
            var end = AuditFilter.StartOfUkDay(to.AddDays(1));
            events = events.Where(e => e.OccurredAt < end);
        }

        return events;
    }
}
