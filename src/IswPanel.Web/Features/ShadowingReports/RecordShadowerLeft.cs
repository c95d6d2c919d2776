using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// A commissioner records that one of their authority's shadowers has left: their last day. Non-solicitation then
/// runs for the contract's period after it (the vetting of a later panel application, and matching, use it).
/// Another authority's shadower is not found. Recording again corrects the date.
/// </summary>
public static class RecordShadowerLeft
{
    public sealed record Command : ICommand<Result<string>>
    {
        public Guid ShadowerId { get; init; }

        /// <summary>Their last day at the authority (named as the entity's property, so the domain's messages land on this field).</summary>
        public DateInput LeftOn { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.LeftOn).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter their last day at the authority.")
                .Must(d => d.ToDate() is not null).WithMessage("Enter their last day as a real date, like 27 3 2026.")
                .Must(d => d.ToDate()!.Value <= clock.Today).WithMessage("Their last day must be today or in the past.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is not { } own) return Failure.NotFound;
            var shadower = await db.Shadowers.SingleOrDefaultAsync(s => s.Id == command.ShadowerId && s.AuthorityId == own, cancellationToken);
            if (shadower is null) return Failure.NotFound;

            var lastDay = command.LeftOn.ToDate()!.Value;
            shadower.RecordLeaving(lastDay);
            audit.Add(AuditActions.ShadowerLeft, nameof(Shadower), shadower.Id.ToString(),
                $"last day {lastDay:yyyy-MM-dd}", subjectAuthorityId: shadower.AuthorityId);
            return $"{shadower.FullName}'s last day, {lastDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, is recorded.";
        }
    }
}
