using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Question page: the assessment types the applicant is competent in (from the active catalogue) and their
/// special skills. A type that needs a skill (PAMS) cannot be offered without it.
/// </summary>
public static class SaveSkills
{
    /// <summary>The skills offered as checkboxes (PAMS-trained first); anything else is typed under "Other skills".</summary>
    public static IReadOnlyList<string> KnownSkills => SpecialSkills.Listed;

    public sealed record Load : IQuery<Page>;

    /// <summary>The page: the form and the catalogue to choose from.</summary>
    public sealed record Page(Command Form, IReadOnlyList<TypeOption> Types);

    public sealed record TypeOption(string Code, string Name, string? RequiredSkill);

    public sealed record Command : ICommand<Result<Done>>
    {
        public List<string> AssessmentTypeCodes { get; init; } = [];
        public List<string> SpecialSkills { get; init; } = [];

        /// <summary>Comma-separated.</summary>
        public string? OtherSkills { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssessmentTypeCodes).NotEmpty().WithMessage("Select at least one type of assessment you are competent in.");
            RuleFor(c => c.SpecialSkills).Must(skills => skills.All(KnownSkills.Contains)).WithMessage("Select your special skills from the list.");
            RuleFor(c => c.OtherSkills).MaximumLength(500).WithMessage("Other skills must be 500 characters or fewer.");
        }
    }

    public static async Task<IReadOnlyList<TypeOption>> CatalogueAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.AssessmentTypes.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name)
            .Select(t => new TypeOption(t.Code, t.Name, t.RequiredSkill))
            .ToListAsync(cancellationToken);

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Page>
    {
        public async ValueTask<Page> Handle(Load query, CancellationToken cancellationToken)
        {
            var answers = await ApplicationStore.ReadAsync(db, me, cancellationToken);
            var form = answers.Skills is { } s
                ? new Command
                {
                    AssessmentTypeCodes = [.. s.AssessmentTypeCodes],
                    SpecialSkills = [.. s.SpecialSkills],
                    OtherSkills = s.OtherSkills.Count == 0 ? null : string.Join(", ", s.OtherSkills),
                }
                : new Command();
            return new Page(form, await CatalogueAsync(db, cancellationToken));
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var catalogue = await CatalogueAsync(db, cancellationToken);
            var chosen = command.AssessmentTypeCodes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var types = catalogue.Where(t => chosen.Contains(t.Code, StringComparer.OrdinalIgnoreCase)).ToList();
            if (types.Count != chosen.Count)
                return Failure.Invalid(nameof(Command.AssessmentTypeCodes), "Select the types of assessment from the list.");

            var special = KnownSkills.Where(k => command.SpecialSkills.Contains(k)).ToList();
            var other = ApplicationStore.SplitList(command.OtherSkills)
                .Where(o => !special.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
            var held = special.Concat(other).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (types.FirstOrDefault(t => t.RequiredSkill is { } skill && !held.Contains(skill)) is { } missing)
                return Failure.Invalid(nameof(Command.AssessmentTypeCodes),
                    $"{missing.Name} needs someone who is {missing.RequiredSkill}. Select {missing.RequiredSkill} under special skills if you are, or do not select this assessment.");

            return await ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Skills = new([.. types.Select(t => t.Code)], special, other) }, cancellationToken);
        }
    }
}
