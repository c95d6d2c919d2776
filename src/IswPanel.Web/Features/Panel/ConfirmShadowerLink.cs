using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// An administrator confirms that an applicant whose name matches a recorded shadower is that person: from then on
/// the shadower's time at the authority counts as the applicant's permanent employment for non-solicitation (the
/// approval is refused while it applies, unless a waiver lifts it). Audited.
/// </summary>
public static class ConfirmShadowerLink
{
    public sealed record Command(Guid MemberId, Guid ShadowerId) : ICommand<Result<string>>;

    public sealed class Handler(AppDbContext db, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.IswProfiles.AsNoTracking().Where(p => p.Id == command.MemberId)
                .Select(p => new { p.Id, p.FullName, p.SweNumber }).SingleOrDefaultAsync(cancellationToken);
            var shadower = await db.Shadowers.SingleOrDefaultAsync(s => s.Id == command.ShadowerId, cancellationToken);
            if (member is null || shadower is null) return Failure.NotFound;
            var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == shadower.AuthorityId).Select(a => a.Name)
                .SingleAsync(cancellationToken);

            switch (ShadowerLinks.Classify(shadower, member.Id, member.SweNumber, member.FullName))
            {
                case ShadowerLinkKind.Confirmed:
                    return $"{member.FullName} is already confirmed as {authority}'s shadower {shadower.FullName}.";
                case ShadowerLinkKind.SameRegistration:
                    return Failure.Invalid("", $"{shadower.FullName} has the same Social Work England number as {member.FullName}: they are linked already.");
                case ShadowerLinkKind.None:
                    return Failure.Invalid("", $"{shadower.FullName}'s name does not match {member.FullName}'s, so this is not a possible link.");
            }

            if (shadower.ConfirmedApplicantProfileId is not null)
                return Failure.Invalid("", $"{shadower.FullName} is already confirmed as another applicant.");

            shadower.ConfirmSamePersonAs(member.Id);
            audit.Add(AuditActions.ShadowerLinkConfirmed, "IswProfile", member.Id.ToString(),
                $"same person as shadower {shadower.Id} ({shadower.FullName}, {authority})", subjectAuthorityId: shadower.AuthorityId);
            return $"{member.FullName} is confirmed as {authority}'s shadower {shadower.FullName}: non-solicitation applies.";
        }
    }
}
