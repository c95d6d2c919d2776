using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// Stalled applications: an application to join the panel, started but not submitted and not changed for 5 working
/// days (Deadlines:ChaseAfterWorkingDays), earns the applicant one reminder (category Vetting). Effect key:
/// application-stalled:{applicationId}:{updatedOn:yyyyMMdd} (the UK date of the last change), so an applicant who
/// picks it up and stalls again is reminded again. An applicant linked to a shadower under non-solicitation (an
/// authority's permanent staff) is not reminded: the skip and its reason are audited once per stall.
/// </summary>
public static class ChaseStalledApplications
{
    public sealed record Item(Guid ApplicationId, DateOnly UpdatedOn);

    public sealed record Due : IQuery<IReadOnlyList<Item>>;

    public sealed record Command(Guid ApplicationId, DateOnly UpdatedOn) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid applicationId, DateOnly updatedOn) => $"application-stalled:{applicationId}:{updatedOn:yyyyMMdd}";

    internal static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(utc.ToUkTime());

    public sealed class DueHandler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options)
        : IQueryHandler<Due, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var workingDays = options.Value.ChaseAfterWorkingDays;
            // n working days are at least n calendar days; a day's margin covers UK time against UTC.
            var updatedBefore = clock.UtcNow.AddDays(-(workingDays - 1));
            var stalled = await db.PanelApplications.AsNoTracking()
                .Where(a => a.SubmittedAt == null && a.UpdatedAt <= updatedBefore)
                .Select(a => new { a.Id, a.UpdatedAt })
                .ToListAsync(cancellationToken);
            var due = stalled
                .Select(a => new Item(a.Id, UkDate(a.UpdatedAt)))
                .Where(a => calendar.AddWorkingDays(a.UpdatedOn, workingDays) <= today)
                .ToList();
            return await Sent.WithoutDoneAsync(db, due, item => Key(item.ApplicationId, item.UpdatedOn), cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options, Notifier notifier,
        IAuditLog audit)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var workingDays = options.Value.ChaseAfterWorkingDays;
            var application = await db.PanelApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ApplicationId, cancellationToken);
            // Submitted or changed since the sweep looked.
            if (application is null || application.SubmittedAt is not null || UkDate(application.UpdatedAt) != command.UpdatedOn
                || calendar.AddWorkingDays(command.UpdatedOn, workingDays) > clock.Today)
                return SweepOutcome.NotDue;

            var key = Key(application.Id, command.UpdatedOn);
            if (await db.EffectDoneAsync(key, cancellationToken)) return SweepOutcome.AlreadyDone;

            // An authority's shadower (its permanent staff) under non-solicitation is never chased about joining.
            var answers = Apply.ApplicationAnswers.Read(application.Answers);
            var email = await db.Users.AsNoTracking().Where(u => u.Id == application.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            var restrictions = await db.RestrictingAsync(application.IswProfileId, answers.Registration?.SweNumber, email, [], clock.Today, cancellationToken);
            if (restrictions.Count > 0)
                return await SkippedChase.RecordAsync(db, audit, clock, key, "PanelApplication", application.Id, restrictions[0], cancellationToken);

            db.ClaimEffect(key, clock.UtcNow);
            notifier.Tell(application.UserId, NotificationCategories.Vetting,
                $"You started an application to join the panel on {RequestWording.Date(UkDate(application.StartedAt))} and have not finished it. " +
                "Your answers are saved: continue your application when you are ready.",
                "/apply");
            return SweepOutcome.Done;
        }
    }

    /// <summary>Hangfire: daily, 09:05 UK time by default (Jobs:StalledApplicationsCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "panel.stalled-applications";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), item => new Command(item.ApplicationId, item.UpdatedOn), cancellationToken);
    }
}
