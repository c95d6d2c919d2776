using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The ISW logs a session or other work on their assignment: one page, sensible defaults (today, a home visit),
/// and "save and add another" keeps the date and kind. Hours beyond the budget are kept but wait for the
/// commissioner's approval before they count, and the authority's commissioners are told. The first entry on an
/// assigned request starts the work (Assigned → In progress).
/// </summary>
public static class LogWork
{
    public const string AddAnother = "add-another";

    public static bool CanLogIn(AssessmentRequestStatus status) =>
        status is AssessmentRequestStatus.Assigned or AssessmentRequestStatus.InProgress or AssessmentRequestStatus.InQa;

    public const string LogClosed = "The log is closed: the report has been delivered.";

    public sealed record Command : ICommand<Result<Logged>>
    {
        /// <summary>Set from the route, never from the form.</summary>
        [BindNever]
        public Guid RequestId { get; init; }

        public DateInput Date { get; init; } = new();
        public WorkKind? Kind { get; init; }
        public string? DurationHours { get; init; }
        public string? DurationMinutes { get; init; }
        public string? WhoSeen { get; init; }
        public string? TravelHours { get; init; }
        public string? TravelMinutes { get; init; }
        public string? Mileage { get; init; }
        public string? Notes { get; init; }

        /// <summary><see cref="AddAnother"/> to come back to an empty form with the same date and kind.</summary>
        public string? Intent { get; init; }

        public int? Duration => Minutes(DurationHours, DurationMinutes, blankIsZero: false);
        public int? Travel => Minutes(TravelHours, TravelMinutes, blankIsZero: true);
        public decimal? Miles => string.IsNullOrWhiteSpace(Mileage) ? 0m
            : decimal.TryParse(Mileage.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m) ? m : null;
    }

    public sealed record Logged(Guid EntryId, HoursApproval Approval, int TotalMinutes, DateOnly Date, WorkKind Kind);

    /// <summary>The log page; <paramref name="Date"/> and <paramref name="Kind"/> come back after "save and add another".</summary>
    public sealed record Load(Guid RequestId, DateOnly? Date = null, WorkKind? Kind = null) : IQuery<Result<FormPage>>;

    public sealed record FormPage(Guid RequestId, string CaseReference, string AssessmentTypeName, AssessmentRequestStatus Status,
        string WhoSeenHint, CaseWork.Hours Hours, IReadOnlyList<CaseWork.LogRow> Log, bool CanLog, Command Form);

    /// <summary>Hours and minutes as typed; null when either is not a whole number (or minutes are 60 or more).</summary>
    public static int? Minutes(string? hours, string? minutes, bool blankIsZero)
    {
        if (string.IsNullOrWhiteSpace(hours) && string.IsNullOrWhiteSpace(minutes)) return blankIsZero ? 0 : null;
        if (!Whole(hours, out var h) || !Whole(minutes, out var m) || h > 24 || m > 59) return null;
        return h * 60 + m;

        static bool Whole(string? text, out int value)
        {
            value = 0;
            return string.IsNullOrWhiteSpace(text) || int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.Date).Must(d => !d.IsEmpty).WithMessage("Enter the date of the work")
                .Must(d => d.ToDate() is not null).When(c => !c.Date.IsEmpty, ApplyConditionTo.CurrentValidator).WithMessage("The date must be a real date")
                .Must(d => d.ToDate() <= clock.Today).When(c => c.Date.ToDate() is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("The date must be today or in the past");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of work").IsInEnum().WithMessage("Select the kind of work");

            RuleFor(c => c.DurationHours)
                .Must((c, _) => !string.IsNullOrWhiteSpace(c.DurationHours) || !string.IsNullOrWhiteSpace(c.DurationMinutes))
                .WithMessage("Enter how long the work took, in hours and minutes")
                .Must((c, _) => c.Duration is not null).When(c => !string.IsNullOrWhiteSpace(c.DurationHours) || !string.IsNullOrWhiteSpace(c.DurationMinutes), ApplyConditionTo.CurrentValidator)
                .WithMessage("Enter the duration as whole hours and minutes, for example 2 hours 30 minutes")
                .Must((c, _) => c.Duration > 0).When(c => c.Duration is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("The duration must be more than 0 minutes")
                .Must((c, _) => c.Duration <= WorkLogEntry.MaximumMinutesPerEntry).When(c => c.Duration is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("The duration must be 16 hours or less");
            RuleFor(c => c.TravelHours)
                .Must((c, _) => c.Travel is not null)
                .WithMessage("Enter travel time as whole hours and minutes, for example 0 hours 45 minutes")
                .Must((c, _) => c.Travel <= WorkLogEntry.MaximumMinutesPerEntry).When(c => c.Travel is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("Travel time must be 16 hours or less");
            RuleFor(c => c.Mileage)
                .Must((c, _) => c.Miles is not null).WithMessage("Enter mileage as a number, for example 12.5")
                .Must((c, _) => c.Miles >= 0).When(c => c.Miles is not null, ApplyConditionTo.CurrentValidator).WithMessage("Mileage must be 0 or more")
                .Must((c, _) => c.Miles <= WorkLogEntry.MaximumMileagePerEntry).When(c => c.Miles is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("Mileage must be 1,000 miles or less");
            RuleFor(c => c.WhoSeen).MaximumLength(200).WithMessage("Who was seen must be 200 characters or fewer");
            RuleFor(c => c.Notes).MaximumLength(1000).WithMessage("Notes must be 1000 characters or fewer");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Load, Result<FormPage>>
    {
        public async ValueTask<Result<FormPage>> Handle(Load query, CancellationToken cancellationToken)
        {
            var mine = await CaseWork.FindMineAsync(db, me, query.RequestId, track: false, cancellationToken);
            if (mine is not { } found) return Failure.NotFound;
            var form = new Command
            {
                RequestId = found.Request.Id,
                Date = DateInput.From(query.Date is { } d && d <= clock.Today ? d : clock.Today),
                Kind = query.Kind is { } k && Enum.IsDefined(k) ? k : WorkKind.HomeVisit,
            };
            return await PageAsync(db, found.Request, form, cancellationToken);
        }
    }

    /// <summary>The log page around a form (new, or posted back with errors).</summary>
    public static async Task<FormPage> PageAsync(AppDbContext db, AssessmentRequest r, Command form, CancellationToken cancellationToken)
    {
        var type = await db.AssessmentTypes.AsNoTracking().Where(t => t.Id == r.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
        var (log, hours) = await CaseWork.LogAsync(db, r.Id, r.BudgetHours, cancellationToken);
        var people = r.Parties.Select(p => $"{p.Role} ({p.Initials})").Append($"child ({r.ChildInitials})");
        var hint = $"Roles and initials only, never names. For example: {string.Join(", ", people)}.";
        return new FormPage(r.Id, r.CaseReference, type, r.Status, hint, hours, log, CanLogIn(r.Status), form);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Command, Result<Logged>>
    {
        public async ValueTask<Result<Logged>> Handle(Command command, CancellationToken cancellationToken)
        {
            var mine = await CaseWork.FindMineAsync(db, me, command.RequestId, track: true, cancellationToken);
            if (mine is not { } found) return Failure.NotFound;
            var (request, assignment) = found;
            if (!CanLogIn(request.Status)) return Failure.Invalid("", LogClosed);

            var now = clock.UtcNow;
            var counted = await CaseWork.CountedMinutesAsync(db, request.Id, cancellationToken);
            WorkLogEntry entry;
            try
            {
                entry = WorkLogEntry.Log(request.Id, assignment.Id, assignment.IswProfileId, command.Date.ToDate()!.Value, command.Kind!.Value,
                    command.Duration!.Value, command.WhoSeen, command.Travel!.Value, command.Miles!.Value, command.Notes,
                    clock.Today, now, counted, request.BudgetHours);
            }
            catch (DomainException rule)
            {
                // The entity's names for its fields, as the form's.
                var field = rule.Field switch
                {
                    nameof(WorkLogEntry.DurationMinutes) => nameof(Command.DurationHours),
                    nameof(WorkLogEntry.TravelMinutes) => nameof(Command.TravelHours),
                    nameof(WorkLogEntry.MileageMiles) => nameof(Command.Mileage),
                    _ => rule.Field ?? "",
                };
                return Failure.Invalid(field, rule.Message);
            }

            db.WorkLogEntries.Add(entry);
            var userId = me.UserId;
            if (request.Status == AssessmentRequestStatus.Assigned)
            {
                request.StartWork(now);
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, "Work started: the first session was logged."));
            }

            if (entry.Approval == HoursApproval.AwaitingApproval)
            {
                var facts = await (
                    from t in db.AssessmentTypes.AsNoTracking()
                    where t.Id == request.AssessmentTypeId
                    from i in db.IswProfiles.AsNoTracking()
                    where i.Id == assignment.IswProfileId
                    select new { Type = t.Name, Isw = i.FullName }).SingleAsync(cancellationToken);
                var hours = CaseWork.Duration(entry.TotalMinutes);
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId,
                    $"{hours} logged beyond the budget of {request.BudgetHours} hours: waiting for the commissioner's approval."));
                await notifier.TellAuthorityAsync(request.AuthorityId, NotificationCategories.Requests,
                    $"{facts.Isw} logged {hours} beyond the budget on {RequestWording.Name(facts.Type, request.CaseReference)}. " +
                    "They count only if you approve them.",
                    $"/requests/{request.Id}#hours-awaiting-approval", cancellationToken);
            }

            audit.Add(AuditActions.WorkLogged, nameof(WorkLogEntry), entry.Id.ToString(),
                $"{entry.Kind}, {entry.TotalMinutes} minutes, {entry.Approval}");
            return new Logged(entry.Id, entry.Approval, entry.TotalMinutes, entry.Date, entry.Kind);
        }
    }
}
