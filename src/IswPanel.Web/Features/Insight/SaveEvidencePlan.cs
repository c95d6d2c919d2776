using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Insight;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// A commissioner writes (or rewrites) the plan section of their authority's evidence pack for one period: "what are
/// your plans". One plan per authority and period; saving again replaces the text. Only the authority's own
/// commissioners may; anyone else is told the pack does not exist.
/// </summary>
public static class SaveEvidencePlan
{
    public sealed record Command : ICommand<Result<Saved>>
    {
        [BindNever]
        public Guid AuthorityId { get; init; }

        public string? From { get; init; }
        public string? To { get; init; }
        public string? Text { get; init; }
    }

    public sealed record Saved(Guid AuthorityId, InsightPeriod Period);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).NotEmpty().WithMessage("Enter your plans");
            RuleFor(c => c.Text).MaximumLength(EvidencePlan.MaxTextLength)
                .WithMessage($"Your plans must be {EvidencePlan.MaxTextLength:N0} characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<Saved>>
    {
        public async ValueTask<Result<Saved>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!EvidencePack.MayWritePlan(me, command.AuthorityId) || me.UserId is not { } userId) return Failure.NotFound;
            if (!await db.Authorities.AnyAsync(a => a.Id == command.AuthorityId, cancellationToken)) return Failure.NotFound;
            var parsed = InsightPeriod.Parse(command.From, command.To, clock.Today);
            if (!parsed.IsSuccess) return Result<Saved>.Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value!;

            var now = clock.UtcNow;
            var plan = await db.EvidencePlans.SingleOrDefaultAsync(p => p.AuthorityId == command.AuthorityId
                && p.PeriodFrom == period.From && p.PeriodTo == period.To, cancellationToken);
            if (plan is null) db.EvidencePlans.Add(plan = EvidencePlan.Write(command.AuthorityId, period.From, period.To, command.Text, now, userId));
            else plan.Revise(command.Text, now, userId);

            audit.Add(AuditActions.EvidencePlanSaved, nameof(EvidencePlan), plan.Id.ToString(), period.Key, subjectAuthorityId: command.AuthorityId);
            return new Saved(command.AuthorityId, period);
        }
    }
}
