using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Question pages: the applicant's employment history, a list they add jobs to and remove them from. It is the
/// evidence for the non-solicitation rule, so a client authority is chosen from the list (and its id kept)
/// rather than typed, and permanent work is told apart from agency or locum work.
/// </summary>
public static class EmploymentHistory
{
    public const int MaximumJobs = 30;

    /// <summary>The employer choice for someone who is not a client authority.</summary>
    public const string AnotherEmployer = "other";

    public const string EndBeforeStartMessage = "The end date must be the same as or after the start date.";
    public const string NoJobsMessage = "Add at least one job to continue.";

    public sealed record Query : IQuery<Page>;

    public sealed record Page(IReadOnlyList<ApplicationAnswers.Job> Jobs);

    public sealed record LoadAdd : IQuery<AddPage>;

    /// <summary>The add-a-job page: the form and the client authorities to choose from.</summary>
    public sealed record AddPage(AddJob Form, IReadOnlyList<EmployerOption> Authorities);

    public sealed record EmployerOption(Guid Id, string Name);

    public sealed record AddJob : ICommand<Result<Done>>
    {
        /// <summary>A client authority's id, or <see cref="AnotherEmployer"/>.</summary>
        public string? Employer { get; init; }
        public string? OtherEmployerName { get; init; }
        public string? Role { get; init; }
        public EmploymentKind? Kind { get; init; }
        public DateInput StartedOn { get; init; } = new();
        public DateInput EndedOn { get; init; } = new();
        public bool StillWorkHere { get; init; }
    }

    public sealed record RemoveJob(Guid Id) : ICommand<Result<Done>>;

    /// <summary>"Save and continue" on the list: needs at least one job.</summary>
    public sealed record Continue : ICommand<Result<Done>>;

    public sealed class AddJobValidator : AbstractValidator<AddJob>
    {
        public AddJobValidator(IClock clock)
        {
            RuleFor(c => c.Employer).NotEmpty().WithMessage("Select the employer.");
            RuleFor(c => c.OtherEmployerName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the name of the employer.")
                .MaximumLength(200).WithMessage("The employer's name must be 200 characters or fewer.")
                .When(c => c.Employer == AnotherEmployer);
            RuleFor(c => c.Role).NotEmpty().WithMessage("Enter your job title.")
                .MaximumLength(200).WithMessage("Your job title must be 200 characters or fewer.");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select whether the job was permanent, or agency or locum work.")
                .IsInEnum().WithMessage("Select whether the job was permanent, or agency or locum work.");
            RuleFor(c => c.StartedOn).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the date you started.")
                .Must(d => d.ToDate() is not null).WithMessage("The start date must be a real date.")
                .Must(d => d.ToDate() <= clock.Today).WithMessage("The start date must be today or in the past.");
            RuleFor(c => c.EndedOn).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the date you left, or select \u2018I still work here\u2019.")
                .Must(d => d.ToDate() is not null).WithMessage("The end date must be a real date.")
                .Must(d => d.ToDate() <= clock.Today).WithMessage("The end date must be today or in the past.")
                .Must((c, d) => c.StartedOn.ToDate() is not { } start || d.ToDate() >= start).WithMessage(EndBeforeStartMessage)
                .When(c => !c.StillWorkHere);
        }
    }

    public static async Task<IReadOnlyList<EmployerOption>> AuthoritiesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Authorities.AsNoTracking().OrderBy(a => a.Name).Select(a => new EmployerOption(a.Id, a.Name)).ToListAsync(cancellationToken);

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken) =>
            new(Ordered((await ApplicationStore.ReadAsync(db, me, cancellationToken)).Employment?.Jobs ?? []));
    }

    /// <summary>Most recent first, as a CV reads.</summary>
    public static IReadOnlyList<ApplicationAnswers.Job> Ordered(IEnumerable<ApplicationAnswers.Job> jobs) =>
        [.. jobs.OrderByDescending(j => j.EndedOn ?? DateOnly.MaxValue).ThenByDescending(j => j.StartedOn)];

    public sealed class LoadAddHandler(AppDbContext db) : IQueryHandler<LoadAdd, AddPage>
    {
        public async ValueTask<AddPage> Handle(LoadAdd query, CancellationToken cancellationToken) =>
            new(new AddJob(), await AuthoritiesAsync(db, cancellationToken));
    }

    public sealed class AddJobHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<AddJob, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(AddJob command, CancellationToken cancellationToken)
        {
            Guid? authorityId = null;
            string employer;
            if (command.Employer == AnotherEmployer)
            {
                employer = command.OtherEmployerName!.Trim();
            }
            else
            {
                var authority = Guid.TryParse(command.Employer, out var id)
                    ? await db.Authorities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken)
                    : null;
                if (authority is null) return Failure.Invalid(nameof(AddJob.Employer), "Select the employer.");
                authorityId = authority.Id;
                employer = authority.Name;
            }

            var job = new ApplicationAnswers.Job(Guid.CreateVersion7(), authorityId, employer, command.Role!.Trim(), command.Kind!.Value,
                command.StartedOn.ToDate()!.Value, command.StillWorkHere ? null : command.EndedOn.ToDate()!.Value);

            var open = await ApplicationStore.OpenAsync(db, me, clock, cancellationToken);
            if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
            var (application, answers) = open.Value;
            var jobs = answers.Employment?.Jobs ?? [];
            if (jobs.Count >= MaximumJobs)
                return Failure.Invalid("", $"You can add up to {MaximumJobs} jobs. Remove an old one to add another.");
            application.SaveAnswers((answers with { Employment = new([.. jobs, job], answers.Employment?.Confirmed ?? false) }).Write(), clock.UtcNow);
            return Done.Value;
        }
    }

    public sealed class RemoveJobHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<RemoveJob, Result<Done>>
    {
        /// <summary>Another applicant's job (or one already removed) is not found; nothing is saved.</summary>
        public async ValueTask<Result<Done>> Handle(RemoveJob command, CancellationToken cancellationToken)
        {
            var open = await ApplicationStore.OpenAsync(db, me, clock, cancellationToken);
            if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
            var (application, answers) = open.Value;
            if (answers.Employment is not { } employment || employment.Jobs.All(j => j.Id != command.Id)) return Failure.NotFound;
            application.SaveAnswers((answers with
            {
                Employment = employment with { Jobs = [.. employment.Jobs.Where(j => j.Id != command.Id)] },
            }).Write(), clock.UtcNow);
            return Done.Value;
        }
    }

    public sealed class ContinueHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Continue, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Continue command, CancellationToken cancellationToken)
        {
            var open = await ApplicationStore.OpenAsync(db, me, clock, cancellationToken);
            if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
            var (application, answers) = open.Value;
            if (answers.Employment is not { Jobs.Count: > 0 } employment) return Failure.Invalid("Jobs", NoJobsMessage);
            application.SaveAnswers((answers with { Employment = employment with { Confirmed = true } }).Write(), clock.UtcNow);
            return Done.Value;
        }
    }
}
