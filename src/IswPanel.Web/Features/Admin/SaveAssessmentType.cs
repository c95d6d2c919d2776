using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>
/// An administrator changes an assessment type: its name, typical length and hours, its milestone plan (working days
/// before the filing deadline, each milestone later than the one before) and how long its requests are kept.
/// The code, minimum PQE and required skill are not changed here.
/// </summary>
public static class SaveAssessmentType
{
    public sealed record Command : ICommand<Result<Guid>>
    {
        [BindNever]
        public Guid Id { get; init; }

        /// <summary>For the page's caption; not posted.</summary>
        [BindNever]
        public string Code { get; init; } = "";

        public string? Name { get; init; }
        public int? TypicalWeeks { get; init; }
        public int? TypicalHoursLow { get; init; }
        public int? TypicalHoursHigh { get; init; }
        public int? AllocateBefore { get; init; }
        public int? FirstVisitBefore { get; init; }
        public int? DraftToQaBefore { get; init; }
        public int? QaCompleteBefore { get; init; }
        public int? ReleaseBefore { get; init; }
        public int? RetentionYears { get; init; }
    }

    public sealed record Load(Guid Id) : IQuery<Result<Command>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the assessment type's name.")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer.");
            RuleFor(c => c.TypicalWeeks).NotNull().WithMessage("Enter the typical length in weeks.")
                .InclusiveBetween(1, 104).WithMessage("The typical length must be between 1 and 104 weeks.");
            RuleFor(c => c.TypicalHoursLow).InclusiveBetween(1, 1000).WithMessage("The lower typical hours must be between 1 and 1000.");
            RuleFor(c => c.TypicalHoursHigh).InclusiveBetween(1, 1000).WithMessage("The upper typical hours must be between 1 and 1000.")
                .GreaterThanOrEqualTo(c => c.TypicalHoursLow).When(c => c.TypicalHoursLow is not null && c.TypicalHoursHigh is not null)
                .WithMessage("The upper typical hours must be at least the lower.");
            RuleFor(c => c.RetentionYears).NotNull().WithMessage("Enter how many years requests of this type are kept.")
                .InclusiveBetween(1, 150).WithMessage("Retention must be between 1 and 150 years.");

            // The milestones in order: each falls due fewer working days before the deadline than the one before it.
            Offset(c => c.AllocateBefore, MilestoneNames.AllocateBy, null, null);
            Offset(c => c.FirstVisitBefore, MilestoneNames.FirstVisitBy, c => c.AllocateBefore, MilestoneNames.AllocateBy);
            Offset(c => c.DraftToQaBefore, MilestoneNames.DraftToQaBy, c => c.FirstVisitBefore, MilestoneNames.FirstVisitBy);
            Offset(c => c.QaCompleteBefore, MilestoneNames.QaCompleteBy, c => c.DraftToQaBefore, MilestoneNames.DraftToQaBy);
            Offset(c => c.ReleaseBefore, MilestoneNames.ReleaseBy, c => c.QaCompleteBefore, MilestoneNames.QaCompleteBy);
        }

        private void Offset(System.Linq.Expressions.Expression<Func<Command, int?>> offset, string name,
            Func<Command, int?>? previous, string? previousName)
        {
            var rule = RuleFor(offset).NotNull().WithMessage($"Enter the working days before the deadline for \"{name}\".")
                .InclusiveBetween(0, MilestoneOffsets.MaximumWorkingDays)
                .WithMessage($"\"{name}\" must be between 0 and {MilestoneOffsets.MaximumWorkingDays} working days before the deadline.");
            if (previous is not null)
                rule.Must((c, v) => previous(c) is not { } before || v < before)
                    .WithMessage(c => $"\"{name}\" must be fewer working days before the deadline than \"{previousName}\" ({previous(c)}).");
        }
    }

    public sealed class LoadHandler(AppDbContext db) : IQueryHandler<Load, Result<Command>>
    {
        public async ValueTask<Result<Command>> Handle(Load query, CancellationToken cancellationToken)
        {
            var t = await db.AssessmentTypes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
            if (t is null) return Failure.NotFound;
            return new Command
            {
                Id = t.Id,
                Code = t.Code,
                Name = t.Name,
                TypicalWeeks = t.TypicalWeeks,
                TypicalHoursLow = t.TypicalHoursLow,
                TypicalHoursHigh = t.TypicalHoursHigh,
                AllocateBefore = t.AllocateBefore,
                FirstVisitBefore = t.FirstVisitBefore,
                DraftToQaBefore = t.DraftToQaBefore,
                QaCompleteBefore = t.QaCompleteBefore,
                ReleaseBefore = t.ReleaseBefore,
                RetentionYears = t.RetentionYears,
            };
        }
    }

    public sealed class Handler(AppDbContext db, IAuditLog audit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var type = await db.AssessmentTypes.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken);
            if (type is null) return Failure.NotFound;
            var name = command.Name!.Trim();
            if (await db.AssessmentTypes.AnyAsync(t => t.Id != command.Id && t.Name == name, cancellationToken))
                return Failure.Invalid(nameof(Command.Name), "Another assessment type already has this name.");

            // The domain checks the same rules again (a DomainException names the field).
            type.Update(name, command.TypicalWeeks!.Value, type.MinPqeYears, type.RequiredSkill, command.TypicalHoursLow,
                command.TypicalHoursHigh, type.Notes);
            type.SetMilestoneOffsets(new MilestoneOffsets(command.AllocateBefore!.Value, command.FirstVisitBefore!.Value,
                command.DraftToQaBefore!.Value, command.QaCompleteBefore!.Value, command.ReleaseBefore!.Value));
            type.SetRetention(command.RetentionYears!.Value);
            audit.Add(AuditActions.AssessmentTypeUpdated, nameof(AssessmentType), type.Id.ToString(),
                $"{type.TypicalWeeks} weeks; milestones {string.Join("/", type.MilestoneOffsets.InOrder())} working days before; retention {type.RetentionYears} years");
            return type.Id;
        }
    }
}
