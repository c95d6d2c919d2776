using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.QaAdmin;

/// <summary>
/// The QA rubric, edited by panel administrators: add, change the wording, reorder, retire and restore criteria.
/// Reviews keep the wording they scored (<see cref="RubricScore.CriterionName"/>), so editing never rewrites history.
/// </summary>
public static class Rubric
{
    public sealed record Query : IQuery<Page>;

    /// <summary>The rubric page: the criteria, and each assessment type's QA policy.</summary>
    public sealed record Page(IReadOnlyList<Item> Criteria, IReadOnlyList<TypePolicy> Types);

    public sealed record Item(Guid Id, string Name, string? Description, int DisplayOrder, bool IsActive);

    public sealed record TypePolicy(Guid Id, string Name, bool RequiresSecondReviewer);

    /// <summary>The add or change form; Id is null when adding.</summary>
    public sealed record Command : ICommand<Result<Guid>>
    {
        public Guid? Id { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
    }

    public sealed record Load(Guid Id) : IQuery<Result<Command>>;

    public enum Change
    {
        MoveUp,
        MoveDown,
        Retire,
        Restore,
    }

    /// <summary>Moves, retires or restores a criterion; the value is the criterion's name, for the banner.</summary>
    public sealed record ChangeCommand(Guid Id, Change Change) : ICommand<Result<string>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the criterion.")
                .MaximumLength(200).WithMessage("The criterion must be 200 characters or fewer.");
            RuleFor(c => c.Description).MaximumLength(1000).WithMessage("The description must be 1,000 characters or fewer.");
        }
    }

    public sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken) =>
            new(await db.RubricCriteria.AsNoTracking()
                    .OrderByDescending(c => c.IsActive).ThenBy(c => c.DisplayOrder).ThenBy(c => c.Name)
                    .Select(c => new Item(c.Id, c.Name, c.Description, c.DisplayOrder, c.IsActive))
                    .ToListAsync(cancellationToken),
                await db.AssessmentTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name)
                    .Select(t => new TypePolicy(t.Id, t.Name, t.RequiresSecondReviewer))
                    .ToListAsync(cancellationToken));
    }

    public sealed class LoadHandler(AppDbContext db) : IQueryHandler<Load, Result<Command>>
    {
        public async ValueTask<Result<Command>> Handle(Load query, CancellationToken cancellationToken)
        {
            var c = await db.RubricCriteria.AsNoTracking().SingleOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
            if (c is null) return Failure.NotFound;
            return new Command { Id = c.Id, Name = c.Name, Description = c.Description };
        }
    }

    public sealed class Handler(AppDbContext db, IAuditLog audit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name!.Trim();
            if (await db.RubricCriteria.AnyAsync(c => c.Id != command.Id && c.IsActive && c.Name == name, cancellationToken))
                return Failure.Invalid(nameof(Command.Name), "The rubric already has a criterion with this wording.");

            if (command.Id is { } id)
            {
                var criterion = await db.RubricCriteria.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (criterion is null) return Failure.NotFound;
                criterion.Update(name, command.Description, criterion.DisplayOrder);
                audit.Add(AuditActions.RubricChanged, nameof(RubricCriterion), id.ToString(), $"changed: {name}");
                return id;
            }

            var last = await db.RubricCriteria.MaxAsync(c => (int?)c.DisplayOrder, cancellationToken) ?? 0;
            var created = RubricCriterion.Create(name, command.Description, last + 10);
            db.RubricCriteria.Add(created);
            audit.Add(AuditActions.RubricChanged, nameof(RubricCriterion), created.Id.ToString(), $"added: {name}");
            return created.Id;
        }
    }

    public sealed class ChangeHandler(AppDbContext db, IAuditLog audit) : ICommandHandler<ChangeCommand, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(ChangeCommand command, CancellationToken cancellationToken)
        {
            var all = await db.RubricCriteria.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
            var criterion = all.SingleOrDefault(c => c.Id == command.Id);
            if (criterion is null) return Failure.NotFound;

            switch (command.Change)
            {
                case Change.Retire:
                    if (all.Count(c => c.IsActive) == 1 && criterion.IsActive)
                        return Failure.Invalid("", "The rubric needs at least one criterion: add another before retiring this one.");
                    criterion.Retire();
                    break;
                case Change.Restore:
                    criterion.Restore();
                    break;
                default:
                    // Renumber the active criteria in steps of 10 with the two neighbours swapped.
                    var active = all.Where(c => c.IsActive).ToList();
                    var index = active.IndexOf(criterion);
                    if (index < 0) return Failure.Invalid("", "Restore the criterion before moving it.");
                    var other = command.Change == Change.MoveUp ? index - 1 : index + 1;
                    if (other >= 0 && other < active.Count) (active[index], active[other]) = (active[other], active[index]);
                    for (var i = 0; i < active.Count; i++) active[i].Update(active[i].Name, active[i].Description, (i + 1) * 10);
                    break;
            }

            audit.Add(AuditActions.RubricChanged, nameof(RubricCriterion), criterion.Id.ToString(), $"{command.Change}: {criterion.Name}");
            return criterion.Name;
        }
    }
}
