using System.Globalization;
using IswPanel.Data.Audit;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// Makes the whole world, in order: reference data and staff, authorities and their commissioners, the panel, then
/// the requests from three years ago up to now, each taken through the same domain methods the application calls
/// (so a rule the domain enforces holds in the data too). Batches of rows go to <paramref name="sink"/> as they are
/// ready, so memory stays flat whatever the size. Single-threaded and driven by seeded generators only: the same
/// options give the same rows.
/// </summary>
internal sealed partial class ScaleWorld(ScaleDataOptions options, Action<string, Batch> sink)
{
    private readonly ScaleDataOptions options = options;
    private readonly DateTime now = options.Now;
    private readonly DateOnly today = options.Today;
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales();
    private readonly Ids ids = new(options.Seed);
    private readonly SeededRandom random = new(options.Seed, "world");
    private readonly TimeZoneInfo uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly Dictionary<string, AppRole> roles = [];
    private readonly List<AssessmentType> types = [];
    private readonly List<RubricCriterion> rubric = [];
    private readonly List<Person> admins = [];
    private readonly List<Person> reviewers = [];
    private readonly List<AuthorityState> authorities = [];
    private readonly List<IswState> isws = [];
    private string passwordHash = "";

    /// <summary>Accounts worth printing at the end: an administrator, a QA reviewer, a commissioner and an ISW.</summary>
    public List<(string Role, string Email, string Name)> Logins { get; } = [];

    /// <summary>How many requests ended in each state.</summary>
    public Dictionary<AssessmentRequestStatus, int> RequestStates { get; } = [];

    public void Generate()
    {
        var reference = new Batch();
        MakeReferenceData(reference);
        MakeStaff(reference);
        MakeAuthorities(reference);
        sink("reference data, staff and authorities", reference);

        MakePanel();
        MakeRequests();

        var busy = isws.FirstOrDefault(i => i.Load.Any(l => l.End == long.MaxValue)) ?? isws[0];
        Logins.Add(("ISW with work in hand", busy.Account.Email, busy.Name));
        if (authorities.SelectMany(a => a.Shadowers).FirstOrDefault() is { Account: { } shadower })
            Logins.Add(("Shadowing practitioner", shadower.Email, shadower.Name));
    }

    // ---- Time -------------------------------------------------------------------------------------

    private static DateOnly Day(DateTime at) => DateOnly.FromDateTime(at);

    /// <summary>A moment in the working day (08:30 to 17:30 UTC, whole minutes) on <paramref name="day"/>.</summary>
    private static DateTime WorkTime(DateOnly day, SeededRandom rng) =>
        day.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc).AddMinutes(rng.Next(9 * 60));

    /// <summary>A moment in the evening (17:00 to 21:00) on <paramref name="day"/>: when people write up their day.</summary>
    private static DateTime Evening(DateOnly day, SeededRandom rng) =>
        day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc).AddMinutes(rng.Next(4 * 60));

    /// <summary>Between <paramref name="minMinutes"/> and <paramref name="maxMinutes"/> later, in whole minutes.</summary>
    private static DateTime MinutesLater(DateTime at, int minMinutes, int maxMinutes, SeededRandom rng) =>
        at.AddMinutes(rng.Between(minMinutes, maxMinutes));

    /// <summary>A working time <paramref name="minDays"/> to <paramref name="maxDays"/> working days after <paramref name="at"/>.</summary>
    private DateTime WorkingDaysLater(DateTime at, int minDays, int maxDays, SeededRandom rng)
    {
        var days = rng.Between(minDays, maxDays);
        var day = days == 0 ? calendar.NextWorkingDayOnOrAfter(Day(at)) : calendar.AddWorkingDays(Day(at), days);
        var time = WorkTime(day, rng);
        return time <= at ? at.AddMinutes(rng.Between(20, 120)) : time;
    }

    private DateOnly NextWorkingDay(DateOnly day) => calendar.NextWorkingDayOnOrAfter(day);

    /// <summary>When an offer sent at <paramref name="sentAt"/> lapses: the end of the window's last working day, UK time
    /// (the application's <c>OfferWindows.ExpiryFor</c>).</summary>
    private DateTime OfferExpiry(DateTime sentAt, int workingDays)
    {
        var ukNow = TimeZoneInfo.ConvertTimeFromUtc(sentAt, uk);
        var lastDay = calendar.AddWorkingDays(DateOnly.FromDateTime(ukNow), workingDays);
        var endOfDayUk = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(endOfDayUk, uk);
    }

    private static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // ---- People and audit ------------------------------------------------------------------------

    private AppUser NewUser(string email, string name, DateTime createdAt, Guid? authorityId = null) => new()
    {
        Id = ids.At(createdAt),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = passwordHash,
        SecurityStamp = ids.SecurityStamp(),
        ConcurrencyStamp = ids.Token().ToString(),
        LockoutEnabled = true,
        DisplayName = name,
        AuthorityId = authorityId,
        CreatedAt = createdAt,
    };

    private void Grant(Batch batch, AppUser user, string role) =>
        batch.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });

    /// <summary>A private-range address per person, fixed by their id, as the audit trail records it.</summary>
    private static string AddressOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return $"10.{bytes[12] % 64}.{bytes[13]}.{1 + bytes[14] % 254}";
    }

    private static Person PersonOf(AppUser user, string role) =>
        new(user.Id, user.DisplayName, user.Email!, role, role == Roles.Commissioner ? user.AuthorityId : null, AddressOf(user.Id));

    private static void Audit(Batch batch, DateTime at, string action, Person? actor, string? entityType, Guid? entityId,
        string? detail = null, Guid? subjectAuthorityId = null) =>
        batch.AuditEvents.Add(AuditEvent.Create(at, action, actor?.Id, actor?.Role, actor?.AuthorityId, entityType,
            entityId?.ToString(), detail, actor?.IpAddress, subjectAuthorityId));

    /// <summary>Sometimes the action was the first thing after signing in: the sign-in is audited too.</summary>
    private static void MaybeSignedIn(Batch batch, Person actor, DateTime at, SeededRandom rng, double chance = 0.2)
    {
        if (!rng.Chance(chance)) return;
        var staff = Roles.Staff.Contains(actor.Role);
        Audit(batch, at.AddMinutes(-rng.Between(1, 40)), AuditActions.SignedIn, actor, "User", actor.Id,
            staff ? "password and second factor" : "password");
    }
}
