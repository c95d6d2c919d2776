using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// Records an authority's written waiver of non-solicitation for one applicant, with the uploaded letter:
/// refused where that authority's contract does not allow waivers. The waiver lifts the approval block;
/// matching still never offers the person work for that authority during the period.
/// </summary>
public static class RecordWaiver
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public Guid MemberId { get; init; }
        public Guid AuthorityId { get; init; }
        public string? GrantedBy { get; init; }
        public DateInput GrantedOn { get; init; } = new();
        public string? DocumentReference { get; init; }
        public IFormFile? Letter { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.GrantedBy).NotEmpty().WithMessage("Enter who granted the waiver, with their role.")
                .MaximumLength(200).WithMessage("Write 200 characters or fewer.");
            RuleFor(c => c.GrantedOn).Must(d => d.ToDate() is not null).WithMessage("Enter the date the waiver was granted as a real date.")
                .Must(d => d.ToDate() is not { } date || date <= clock.Today).WithMessage("The date the waiver was granted must be today or in the past.");
            RuleFor(c => c.DocumentReference).NotEmpty().WithMessage("Enter the letter's reference.")
                .MaximumLength(100).WithMessage("Write 100 characters or fewer.");
            RuleFor(c => c.Letter).Must(f => Uploads.Precheck(f, UploadPolicy.Evidence) is null)
                .WithMessage(c => Uploads.Precheck(c.Letter, UploadPolicy.Evidence) ?? "");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Uploads uploads, IAuditLog audit)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.LoadForVettingAsync(command.MemberId, cancellationToken);
            if (member is null) return Failure.NotFound;
            var authority = (await db.ClientTermsAsync(cancellationToken)).SingleOrDefault(t => t.AuthorityId == command.AuthorityId);
            if (authority is null) return Failure.NotFound;
            if (!authority.WaiversAllowed)
                return Failure.Invalid("", $"{authority.Name}'s contract does not allow non-solicitation waivers.");

            var letter = await uploads.AcceptAsync(command.Letter, UploadPolicy.Evidence, ownerUserId: null, cancellationToken);
            if (!letter.Accepted) return Failure.Invalid(nameof(Command.Letter), letter.Error!);

            member.RecordWaiver(authority, command.GrantedBy!, command.GrantedOn.ToDate()!.Value, command.DocumentReference!,
                letter.File!.Id, me.UserId!.Value, clock.UtcNow, clock.Today);
            audit.Add(AuditActions.WaiverRecorded, "IswProfile", member.Id.ToString(),
                $"{authority.Name}; granted by {command.GrantedBy} on {command.GrantedOn.ToDate():yyyy-MM-dd}; reference {command.DocumentReference}");
            return Done.Value;
        }
    }
}
