using System.Text;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Social Work England's registration year starts on 1 December, and every member's registration is verified again
/// after it (DOMAIN.md). Once per registration year, on or after 1 December, the administrators get a task: a message
/// naming every active or suspended member whose registration verification no longer counts, linking to the page
/// /deadlines/registrations that lists them with links to their vetting pages. Effect key: swe-reverify:{year}.
/// "Still counts" is the vetting rule's (<see cref="Vetting.RegistrationVerifiedSince"/>): verified on or after the
/// renewal window (1 September) before the current registration year.
/// </summary>
public static class RegistrationsToReverify
{
    public const string PagePath = "/deadlines/registrations";

    public sealed record Query : IQuery<Listing>;

    public sealed record Listing(DateOnly YearStart, IReadOnlyList<Member> Members);

    public sealed record Member(Guid Id, string Name, string SweNumber, DateTime? LastVerifiedAt);

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Listing>
    {
        public async ValueTask<Listing> Handle(Query query, CancellationToken cancellationToken)
        {
            var yearStart = Vetting.RegistrationYearStart(clock.Today);
            return new Listing(yearStart, await ListAsync(db.IswProfiles.VisibleTo(me), yearStart, cancellationToken));
        }
    }

    /// <summary>Active members whose verification does not count for the registration year starting <paramref name="yearStart"/>, by name: one query.</summary>
    internal static async Task<IReadOnlyList<Member>> ListAsync(IQueryable<IswProfile> profiles, DateOnly yearStart, CancellationToken cancellationToken)
    {
        var since = Vetting.RegistrationVerifiedSince(yearStart).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await (
            from p in profiles.AsNoTracking()
            // Suspended members too: a registration not verified again by 1 December lapses, which suspends them.
            where p.Status == PanelMemberStatus.Active || p.Status == PanelMemberStatus.Suspended
            let verifiedAt = p.Documents.Where(d => d.Kind == ComplianceDocumentKind.SocialWorkEnglandRegistration).Select(d => d.VerifiedAt).FirstOrDefault()
            where verifiedAt == null || verifiedAt < since
            orderby p.FullName, p.Id
            select new Member(p.Id, p.FullName, p.SweNumber, verifiedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The registration year that has begun: the year of the latest 1 December.</summary>
    public sealed record Due : IQuery<IReadOnlyList<int>>;

    public sealed record CreateTask(int Year) : ICommand<Result<SweepOutcome>>;

    public static string Key(int year) => $"swe-reverify:{year}";

    public sealed class DueHandler(IClock clock) : IQueryHandler<Due, IReadOnlyList<int>>
    {
        public ValueTask<IReadOnlyList<int>> Handle(Due query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<int>>([Vetting.RegistrationYearStart(clock.Today).Year]);
    }

    public sealed class TaskHandler(AppDbContext db, IClock clock, Notifier notifier) : ICommandHandler<CreateTask, Result<SweepOutcome>>
    {
        private const int MaxText = 500;

        public async ValueTask<Result<SweepOutcome>> Handle(CreateTask command, CancellationToken cancellationToken)
        {
            var yearStart = Vetting.RegistrationYearStart(clock.Today);
            if (yearStart.Year != command.Year) return SweepOutcome.NotDue;
            var key = Key(command.Year);
            if (await db.EffectDoneAsync(key, cancellationToken)) return SweepOutcome.AlreadyDone;
            // Nobody to re-verify (all done already): no task, and the sweep looks again tomorrow.
            var members = await ListAsync(db.IswProfiles, yearStart, cancellationToken);
            if (members.Count == 0) return SweepOutcome.NotDue;

            db.ClaimEffect(key, clock.UtcNow);
            await notifier.TellAdministratorsAsync(NotificationCategories.Vetting, Text(yearStart, members), PagePath, cancellationToken);
            return SweepOutcome.Done;
        }

        internal static string Text(DateOnly yearStart, IReadOnlyList<Member> members)
        {
            var text = new StringBuilder(
                $"Social Work England's registration year began on {RequestWording.Date(yearStart)}. Re-verify the registration of " +
                (members.Count == 1 ? "1 member: " : $"{members.Count} members: "));
            for (var i = 0; i < members.Count; i++)
            {
                var separator = i == 0 ? "" : ", ";
                var more = members.Count - i - 1;
                var tail = more == 0 ? "" : $", and {more} more";
                if (text.Length + separator.Length + members[i].Name.Length + tail.Length + 1 > MaxText)
                {
                    text.Append($"{separator}and {members.Count - i} more");
                    break;
                }

                text.Append(separator).Append(members[i].Name);
            }

            return text.Append('.').ToString();
        }
    }

    /// <summary>Hangfire: daily, 08:00 UK time by default (Jobs:RegistrationReverificationCron); acts once a year.</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "panel.registration-reverification";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), year => new CreateTask(year), cancellationToken);
    }
}
