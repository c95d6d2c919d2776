using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// An authority asks to hire a panel member directly. The request is recorded with the periods of supply,
/// never blocked; the member's page then shows whether a transfer fee may still apply.
/// </summary>
public static class RecordDirectHire
{
    public const int SupplyRows = 3;

    public sealed record Command : ICommand<Result<Guid>>
    {
        public Guid MemberId { get; init; }
        public Guid? AuthorityId { get; init; }
        public DateInput RequestedOn { get; init; } = new();
        public List<SupplyRow> Supply { get; init; } = [.. Enumerable.Range(0, SupplyRows).Select(_ => new SupplyRow())];
        public string? Notes { get; init; }
    }

    /// <summary>One period of supply; leave the end blank while it continues.</summary>
    public sealed record SupplyRow
    {
        public DateInput Start { get; init; } = new();
        public DateInput End { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AuthorityId).NotNull().WithMessage("Select the authority asking to hire directly.");
            RuleFor(c => c.RequestedOn).Must(d => d.ToDate() is not null).WithMessage("Enter the date of the request as a real date, like 27 3 2027.");
            RuleFor(c => c.Supply).Must(rows => rows.Any(r => !r.Start.IsEmpty)).WithMessage("Enter at least one period of supply.");
            RuleForEach(c => c.Supply).ChildRules(row =>
            {
                row.RuleFor(r => r.Start).Must(d => d.IsEmpty || d.ToDate() is not null).WithMessage("Enter the start of supply as a real date.");
                row.RuleFor(r => r.End).Must(d => d.IsEmpty || d.ToDate() is not null).WithMessage("Enter the end of supply as a real date, or leave it blank if it continues.");
                row.RuleFor(r => r.End).Must((r, end) => end.IsEmpty || r.Start.ToDate() is null || end.ToDate() >= r.Start.ToDate())
                    .WithMessage("The end of supply must be the same as or after its start.");
                row.RuleFor(r => r.Start).Must((r, start) => !start.IsEmpty || r.End.IsEmpty).WithMessage("Enter when this period of supply started.");
            });
            RuleFor(c => c.Notes).MaximumLength(2000).WithMessage("Write 2000 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.IswProfiles.AnyAsync(p => p.Id == command.MemberId, cancellationToken)) return Failure.NotFound;
            if (!await db.Authorities.AnyAsync(a => a.Id == command.AuthorityId, cancellationToken))
                return Failure.Invalid(nameof(Command.AuthorityId), "Select the authority asking to hire directly.");

            var supply = command.Supply.Where(r => !r.Start.IsEmpty)
                .Select(r => new SupplyPeriod(r.Start.ToDate()!.Value, r.End.ToDate())).ToList();
            var request = DirectHireRequest.Record(command.MemberId, command.AuthorityId!.Value, command.RequestedOn.ToDate()!.Value, supply,
                command.Notes, me.UserId!.Value, clock.UtcNow);
            db.DirectHireRequests.Add(request);
            audit.Add(AuditActions.DirectHireRecorded, "IswProfile", command.MemberId.ToString(), $"authority {command.AuthorityId}");
            return request.Id;
        }
    }
}
