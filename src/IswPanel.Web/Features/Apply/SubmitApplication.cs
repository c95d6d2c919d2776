using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Submitting the application: the answers become the applicant's panel profile (with its employment history and
/// unavailability), which goes under review with the transition recorded, and the application is closed. Refused
/// while a section is incomplete, and a second time.
/// </summary>
public static class SubmitApplication
{
    public const string DeclarationMessage = "Confirm that the information you have given is true and complete.";

    public sealed record Command : ICommand<Result<Guid>>
    {
        public bool Declaration { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Declaration).Equal(true).WithMessage(DeclarationMessage);
    }

    public static string CompleteSectionMessage(ApplicationSection section) => $"Complete the section \u2018{section.Title}\u2019.";

    /// <returns>The new panel profile's id.</returns>
    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicLinks links, ICurrentUser me,
        IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } userId || !me.IsInRole(Roles.Isw)) return Failure.NotFound;
            if (await db.IswProfiles.AnyAsync(p => p.UserId == userId, cancellationToken)) return Failure.Conflict(ApplicationStore.AlreadySubmitted);
            var application = await db.PanelApplications.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
            if (application?.SubmittedAt is not null) return Failure.Conflict(ApplicationStore.AlreadySubmitted);

            var answers = ApplicationAnswers.Read(application?.Answers);
            var incomplete = answers.Incomplete();
            if (application is null || incomplete.Count > 0)
                return new Failure(ResultStatus.Invalid, (incomplete.Count > 0 ? incomplete : ApplicationSection.All)
                    .ToDictionary(s => s.Key, s => new[] { CompleteSectionMessage(s) }));

            var (contact, registration, background) = (answers.Contact!, answers.Registration!, answers.Background!);
            var (skills, area, languages, capacity) = (answers.Skills!, answers.Area!, answers.Languages!, answers.Capacity!);
            if (await db.IswProfiles.AnyAsync(p => p.SweNumber == registration.SweNumber, cancellationToken))
                return Failure.Invalid(ApplicationSection.Registration.Key,
                    "Someone else has already applied with this Social Work England number. Check your number is right.");

            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null) return Failure.NotFound;
            var now = clock.UtcNow;

            var profile = IswProfile.Create(userId, contact.FullName, user.Email!, registration.SweNumber, registration.QualifiedOn,
                background.Background, now);
            profile.SetContact(contact.FullName, contact.Phone);
            profile.SetPractice(skills.AssessmentTypeCodes, skills.AllSkills, area.Regions, languages.Languages, area.PostcodeDistrict,
                area.TravelRadiusMiles, capacity.ConcurrentAssessments, capacity.HourlyRate);
            profile.SetUnavailability([.. answers.Unavailability!.Periods.Select(p => p.ToDomain())]);

            // A client authority removed since the job was added is kept as a named employer.
            var named = answers.Employment!.Jobs.Where(j => j.AuthorityId is not null).Select(j => j.AuthorityId!.Value).Distinct().ToList();
            var clients = await db.Authorities.Where(a => named.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            foreach (var job in answers.Employment.Jobs.OrderBy(j => j.StartedOn))
                profile.AddEmployment(job.AuthorityId is { } id && clients.Contains(id) ? id : null, job.Employer, job.Role, job.Kind,
                    job.StartedOn, job.EndedOn);

            profile.SubmitForReview(now, userId);
            application.MarkSubmitted(profile.Id, now);
            db.IswProfiles.Add(profile);
            audit.Add(AuditActions.ApplicationSubmitted, "IswProfile", profile.Id.ToString(),
                $"{answers.Employment.Jobs.Count} jobs, {answers.Unavailability.Periods.Count} unavailable periods");
            await new ApplicantMail(db, users, email, links).SendSubmittedAsync(user.Email!, contact.FullName, cancellationToken);
            return profile.Id;
        }
    }
}
