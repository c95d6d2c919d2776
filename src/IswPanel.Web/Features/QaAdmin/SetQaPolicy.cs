using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.QaAdmin;

/// <summary>Whether an assessment type's reports need a second QA reviewer's approval before release.</summary>
public static class SetQaPolicy
{
    public sealed record Load(Guid Id) : IQuery<Result<FormPage>>;

    public sealed record FormPage(Guid Id, string TypeName, Command Form);

    public sealed record Command : ICommand<Result<string>>
    {
        public Guid Id { get; init; }
        public bool RequiresSecondReviewer { get; init; }
    }

    public sealed class LoadHandler(AppDbContext db) : IQueryHandler<Load, Result<FormPage>>
    {
        public async ValueTask<Result<FormPage>> Handle(Load query, CancellationToken cancellationToken)
        {
            var type = await db.AssessmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken);
            if (type is null) return Failure.NotFound;
            return new FormPage(type.Id, type.Name, new Command { Id = type.Id, RequiresSecondReviewer = type.RequiresSecondReviewer });
        }
    }

    public sealed class Handler(AppDbContext db, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var type = await db.AssessmentTypes.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken);
            if (type is null) return Failure.NotFound;
            type.SetQaPolicy(command.RequiresSecondReviewer);
            audit.Add(AuditActions.QaPolicyChanged, nameof(AssessmentType), type.Id.ToString(),
                command.RequiresSecondReviewer ? "second reviewer required" : "one reviewer");
            return type.Name;
        }
    }
}
