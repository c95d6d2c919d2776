using System.Text.Json;
using System.Text.Json.Serialization;
using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// The answers of an application being written, one section per question page, kept as JSON in
/// <see cref="PanelApplication.Answers"/>. A page stores its section only once the page is valid, so every
/// stored value is typed and checked; a missing section is a page not answered yet.
/// </summary>
public sealed record ApplicationAnswers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ContactSection? Contact { get; init; }
    public RegistrationSection? Registration { get; init; }
    public BackgroundSection? Background { get; init; }
    public EmploymentSection? Employment { get; init; }
    public SkillsSection? Skills { get; init; }
    public AreaSection? Area { get; init; }
    public LanguagesSection? Languages { get; init; }
    public CapacitySection? Capacity { get; init; }
    public UnavailabilitySection? Unavailability { get; init; }

    public sealed record ContactSection(string FullName, string Phone);

    public sealed record RegistrationSection(string SweNumber, DateOnly QualifiedOn);

    public sealed record BackgroundSection(SocialWorkBackground Background);

    /// <param name="Confirmed">The applicant pressed "Save and continue" on the list (an empty list cannot be confirmed).</param>
    public sealed record EmploymentSection(IReadOnlyList<Job> Jobs, bool Confirmed);

    /// <param name="AuthorityId">The client authority, when the employer is one.</param>
    /// <param name="EndedOn">Null while the applicant still works there.</param>
    public sealed record Job(Guid Id, Guid? AuthorityId, string Employer, string Role, EmploymentKind Kind, DateOnly StartedOn, DateOnly? EndedOn);

    /// <param name="SpecialSkills">Ticked from <see cref="SaveSkills.KnownSkills"/>.</param>
    /// <param name="OtherSkills">Typed by the applicant, comma-separated on the page.</param>
    public sealed record SkillsSection(IReadOnlyList<string> AssessmentTypeCodes, IReadOnlyList<string> SpecialSkills, IReadOnlyList<string> OtherSkills)
    {
        public IEnumerable<string> AllSkills => SpecialSkills.Concat(OtherSkills);
    }

    public sealed record AreaSection(IReadOnlyList<EnglishRegion> Regions, string PostcodeDistrict, int TravelRadiusMiles);

    public sealed record LanguagesSection(IReadOnlyList<string> Languages);

    public sealed record CapacitySection(int ConcurrentAssessments, decimal HourlyRate);

    /// <param name="Confirmed">The applicant pressed "Save and continue" on the list (no periods is a complete answer).</param>
    public sealed record UnavailabilitySection(IReadOnlyList<Period> Periods, bool Confirmed);

    public sealed record Period(Guid Id, DateOnly From, DateOnly To, string? Reason)
    {
        public UnavailablePeriod ToDomain() => new(From, To, Reason);
    }

    public static ApplicationAnswers Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ApplicationAnswers() : JsonSerializer.Deserialize<ApplicationAnswers>(json, Json) ?? new ApplicationAnswers();

    public string Write() => JsonSerializer.Serialize(this, Json);

    public SectionStatus StatusOf(ApplicationSection section) => section.Key switch
    {
        "contact" => Contact is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "registration" => Registration is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "background" => Background is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "employment" => Employment is null || (Employment.Jobs.Count == 0 && !Employment.Confirmed) ? SectionStatus.NotStarted
            : Employment.Confirmed && Employment.Jobs.Count > 0 ? SectionStatus.Completed : SectionStatus.InProgress,
        "skills" => Skills is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "area" => Area is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "languages" => Languages is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "capacity" => Capacity is null ? SectionStatus.NotStarted : SectionStatus.Completed,
        "unavailability" => Unavailability is null ? SectionStatus.NotStarted
            : Unavailability.Confirmed ? SectionStatus.Completed : SectionStatus.InProgress,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section.Key, "Unknown section."),
    };

    public IReadOnlyList<ApplicationSection> Incomplete() =>
        [.. ApplicationSection.All.Where(s => StatusOf(s) != SectionStatus.Completed)];
}

public enum SectionStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>The question pages in order: the task list, the "Back" links and "Save and continue" all follow it.</summary>
public sealed record ApplicationSection(string Key, string Title, string Path)
{
    public const string StartPath = "/apply";
    public const string CheckAnswersPath = "/apply/check-answers";

    /// <summary>Where a "Change" link on the check-answers page sends the applicant back to after saving.</summary>
    public const string ReturnToCheck = "check";

    public static readonly ApplicationSection Contact = new("contact", "Contact details", "/apply/contact");
    public static readonly ApplicationSection Registration = new("registration", "Registration and qualification", "/apply/registration");
    public static readonly ApplicationSection Background = new("background", "Social work background", "/apply/background");
    public static readonly ApplicationSection Employment = new("employment", "Employment history", "/apply/employment");
    public static readonly ApplicationSection Skills = new("skills", "Assessments and special skills", "/apply/skills");
    public static readonly ApplicationSection Area = new("area", "Where you can work", "/apply/area");
    public static readonly ApplicationSection Languages = new("languages", "Languages", "/apply/languages");
    public static readonly ApplicationSection Capacity = new("capacity", "Capacity and hourly rate", "/apply/capacity");
    public static readonly ApplicationSection Unavailability = new("unavailability", "Dates you are not available", "/apply/unavailability");

    public static readonly IReadOnlyList<ApplicationSection> All =
        [Contact, Registration, Background, Employment, Skills, Area, Languages, Capacity, Unavailability];

    public static ApplicationSection First => All[0];

    /// <summary>The page after this one: the next question, or the check-answers page after the last.</summary>
    public string NextPath(string? returnTo)
    {
        if (returnTo == ReturnToCheck) return CheckAnswersPath;
        var index = IndexOf(this);
        return index + 1 < All.Count ? All[index + 1].Path : CheckAnswersPath;
    }

    /// <summary>The "Back" link: the previous question, the task list before the first, or the check-answers page when changing an answer.</summary>
    public string BackPath(string? returnTo)
    {
        if (returnTo == ReturnToCheck) return CheckAnswersPath;
        var index = IndexOf(this);
        return index == 0 ? StartPath : All[index - 1].Path;
    }

    /// <summary>A link to a page of this section that keeps the "return to check answers" choice.</summary>
    public static string WithReturn(string path, string? returnTo) =>
        returnTo == ReturnToCheck ? $"{path}?returnTo={ReturnToCheck}" : path;

    private static int IndexOf(ApplicationSection section)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i].Key == section.Key) return i;
        throw new ArgumentOutOfRangeException(nameof(section), section.Key, "Unknown section.");
    }
}

/// <summary>Loading and saving the current applicant's answers, for the handlers of the question pages.</summary>
internal static class ApplicationStore
{
    public const string AlreadySubmitted = "You have already submitted your application.";

    /// <summary>The current user's application, tracked, with its answers; started now if the user has none yet.</summary>
    public static async Task<Result<(PanelApplication Application, ApplicationAnswers Answers)>> OpenAsync(
        AppDbContext db, ICurrentUser me, IClock clock, CancellationToken cancellationToken)
    {
        if (me.UserId is not { } userId || !me.IsInRole(Roles.Isw)) return Failure.NotFound;
        if (await db.IswProfiles.AnyAsync(p => p.UserId == userId, cancellationToken)) return Failure.Conflict(AlreadySubmitted);

        var application = await db.PanelApplications.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (application is null)
        {
            application = PanelApplication.Start(userId, clock.UtcNow);
            db.PanelApplications.Add(application);
        }

        if (application.SubmittedAt is not null) return Failure.Conflict(AlreadySubmitted);
        return (application, ApplicationAnswers.Read(application.Answers));
    }

    /// <summary>The current user's answers, read only (empty when nothing is saved yet).</summary>
    public static async Task<ApplicationAnswers> ReadAsync(AppDbContext db, ICurrentUser me, CancellationToken cancellationToken)
    {
        if (me.UserId is not { } userId) return new ApplicationAnswers();
        var json = await db.PanelApplications.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Answers)
            .SingleOrDefaultAsync(cancellationToken);
        return ApplicationAnswers.Read(json);
    }

    /// <summary>Changes one section of the current user's answers and saves it with the command.</summary>
    public static async Task<Result<Done>> ChangeAsync(AppDbContext db, ICurrentUser me, IClock clock,
        Func<ApplicationAnswers, ApplicationAnswers> change, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(db, me, clock, cancellationToken);
        if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
        var (application, answers) = open.Value;
        application.SaveAnswers(change(answers).Write(), clock.UtcNow);
        return Done.Value;
    }

    /// <summary>Comma-separated text as a list: trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
