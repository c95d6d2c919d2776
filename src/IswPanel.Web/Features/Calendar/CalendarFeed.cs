using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Calendar;

/// <summary>
/// A person's calendar feed (.ics) at their secret address, for calendar apps, which cannot sign in. Only the
/// SHA-256 hash of the secret is stored; a wrong secret, an unknown or disabled user, or one who never made a link
/// all look the same: not found. The feed holds the reader's own milestones and deadlines, scoped as their pages
/// are (<see cref="TenantScopes"/>):
/// <list type="bullet">
/// <item>an ISW: the five milestones and the filing deadline of the requests assigned to them (assigned, in
/// progress, in QA), and the last day to answer each open offer;</item>
/// <item>a commissioner: the milestones and filing deadlines of their authority's open requests;</item>
/// <item>panel staff: the filing deadlines of all open requests.</item>
/// </list>
/// Only dates from a month ago to twelve months ahead are listed. Events name a request by case reference and
/// assessment type, never by the child's initials.
/// </summary>
public static partial class CalendarFeed
{
    public const string CalendarName = "IswPanel deadlines";

    public sealed record Query(Guid UserId, string Secret) : IQuery<Result<string>>;

    /// <summary>Requests still being worked on: submitted and not yet delivered, closed or cancelled.</summary>
    private static readonly AssessmentRequestStatus[] OpenStatuses =
    [
        AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Offered, AssessmentRequestStatus.Assigned,
        AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa,
    ];

    public sealed class Handler(AppDbContext db, IClock clock, PublicLinks links) : IQueryHandler<Query, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == query.UserId)
                .Select(u => new { u.Id, u.CalendarFeedSecretHash, u.AuthorityId, u.IsDisabled })
                .SingleOrDefaultAsync(cancellationToken);
            // Compared even when there is no user, so the answer takes as long either way.
            var matches = FeedSecrets.Matches(query.Secret, user?.CalendarFeedSecretHash);
            if (user is null || user.IsDisabled || !matches) return Failure.NotFound;

            var roles = await (from ur in db.UserRoles
                               where ur.UserId == user.Id
                               join r in db.Roles on ur.RoleId equals r.Id
                               select r.Name).ToListAsync(cancellationToken);
            var iswProfileId = await db.IswProfiles.Where(p => p.UserId == user.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            var reader = new FixedCurrentUser(user.Id, [.. roles.OfType<string>()], user.AuthorityId, iswProfileId);

            var today = clock.Today;
            var window = (From: today.AddMonths(-1), To: today.AddMonths(12));
            var events = new List<FeedEvent>();
            if (reader.IsPanelStaff())
                events.AddRange(await StaffEventsAsync(reader, window, cancellationToken));
            else if (reader.IsInRole(Roles.Commissioner) && reader.AuthorityId is not null)
                events.AddRange(await RequestEventsAsync(reader, OpenStatuses, cancellationToken));
            else if (reader.IsInRole(Roles.Isw) && reader.IswProfileId is { } iswId)
            {
                AssessmentRequestStatus[] working = [AssessmentRequestStatus.Assigned, AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa];
                events.AddRange(await RequestEventsAsync(reader, working, cancellationToken));
                events.AddRange(await OfferEventsAsync(iswId, cancellationToken));
            }

            var listed = events.Where(e => e.Date >= window.From && e.Date <= window.To)
                .OrderBy(e => e.Date).ThenBy(e => e.Summary, StringComparer.Ordinal);
            return IcsWriter.Write(CalendarName, clock.UtcNow, listed);
        }

        /// <summary>Each request's milestones and its filing deadline (or target date).</summary>
        private async Task<IEnumerable<FeedEvent>> RequestEventsAsync(ICurrentUser reader, AssessmentRequestStatus[] statuses,
            CancellationToken cancellationToken)
        {
            var rows = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(reader)
                where statuses.Contains(r.Status)
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { r.Id, r.CaseReference, Type = t.Name, r.ForCourt, r.FilingDeadline, r.Milestones })
                .ToListAsync(cancellationToken);

            return rows.SelectMany(r => r.Milestones
                .Select(m => RequestEvent(r.Id, r.CaseReference, r.Type, m.Name, m.Due, reader))
                .Append(DeadlineEvent(r.Id, r.CaseReference, r.Type, r.ForCourt, r.FilingDeadline, reader)));
        }

        /// <summary>Every open request's filing deadline within the window: the panel's view, kept short.</summary>
        private async Task<IEnumerable<FeedEvent>> StaffEventsAsync(ICurrentUser reader, (DateOnly From, DateOnly To) window,
            CancellationToken cancellationToken)
        {
            var rows = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(reader)
                where OpenStatuses.Contains(r.Status) && r.FilingDeadline >= window.From && r.FilingDeadline <= window.To
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { r.Id, r.CaseReference, Type = t.Name, r.ForCourt, r.FilingDeadline })
                .ToListAsync(cancellationToken);
            return rows.Select(r => DeadlineEvent(r.Id, r.CaseReference, r.Type, r.ForCourt, r.FilingDeadline, reader));
        }

        /// <summary>The last day to answer each of the ISW's open offers.</summary>
        private async Task<IEnumerable<FeedEvent>> OfferEventsAsync(Guid iswId, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var rows = await (
                from o in db.Offers.AsNoTracking()
                where o.IswProfileId == iswId && o.Status == OfferStatus.Open && o.ExpiresAt > now
                join r in db.AssessmentRequests on o.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { o.Id, o.ExpiresAt, r.CaseReference, Type = t.Name })
                .ToListAsync(cancellationToken);

            return rows.Select(o =>
            {
                var closes = o.ExpiresAt.ToUkTime();
                var endOfDay = closes.TimeOfDay == TimeSpan.Zero;
                var lastDay = DateOnly.FromDateTime(endOfDay ? closes.AddDays(-1) : closes);
                var when = endOfDay
                    ? $"at the end of {Show(lastDay)}"
                    : $"at {closes.ToString("HH:mm", CultureInfo.InvariantCulture)} on {Show(lastDay)} (UK time)";
                return new FeedEvent($"offer-{o.Id:N}@iswpanel", lastDay, $"Reply to offer by: {Name(o.CaseReference, o.Type)}",
                    $"The offer of case {o.CaseReference}, {o.Type}, closes {when}.", links.Absolute($"/offers/{o.Id}"));
            });
        }

        private FeedEvent RequestEvent(Guid requestId, string caseReference, string type, string milestone, DateOnly due, ICurrentUser reader) =>
            new($"{requestId:N}-{Slug(milestone)}@iswpanel", due, $"{milestone}: {Name(caseReference, type)}",
                $"Case {caseReference}, {type}: {FirstLower(milestone)} {Show(due)}.", Link(requestId, reader));

        private FeedEvent DeadlineEvent(Guid requestId, string caseReference, string type, bool forCourt, DateOnly deadline, ICurrentUser reader)
        {
            var what = forCourt ? "Filing deadline" : "Target date";
            return new($"{requestId:N}-{Slug(what)}@iswpanel", deadline, $"{what}: {Name(caseReference, type)}",
                $"Case {caseReference}, {type}: {FirstLower(what)} {Show(deadline)}.", Link(requestId, reader));
        }

        /// <summary>The request page, for those who may open it (QA reviewers work from their queue instead).</summary>
        private string? Link(Guid requestId, ICurrentUser reader) =>
            reader.IsInRole(Roles.QaReviewer) && !reader.IsInRole(Roles.PanelAdmin) ? null : links.Absolute($"/requests/{requestId}");

        private static string Name(string caseReference, string type) => $"{caseReference} ({type})";

        private static string Show(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

        private static string FirstLower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

        private static string Slug(string name) => NotSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}

/// <summary>
/// The secret in a calendar-feed address: 32 random bytes in base64url (43 characters). Only its SHA-256 hash
/// (64 hex digits) is stored, and a presented secret is compared with it in constant time.
/// </summary>
public static partial class FeedSecrets
{
    private const int Bytes = 32;

    /// <summary>A hash nothing matches, compared against when there is nothing to compare with.</summary>
    private static readonly byte[] Nothing = new byte[SHA256.HashSizeInBytes];

    public static string NewSecret() => Base64UrlNoPadding(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string? presented, string? storedHash)
    {
        var expected = storedHash is { Length: SHA256.HashSizeInBytes * 2 } && IsHex(storedHash) ? Convert.FromHexString(storedHash) : null;
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        var equal = CryptographicOperations.FixedTimeEquals(actual, expected ?? Nothing);
        return equal && expected is not null && presented is not null && SecretShape().IsMatch(presented);
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);

    private static string Base64UrlNoPadding(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretShape();
}
