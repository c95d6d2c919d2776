using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// An administrator records that they checked a piece of evidence (for registration: on the Social Work
/// England register). A member suspended because the evidence had changed or lapsed returns to matching
/// once every check passes again.
/// </summary>
public static class VerifyEvidence
{
    public sealed record Command(Guid MemberId, ComplianceDocumentKind Kind) : ICommand<Result<string>>;

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.LoadForVettingAsync(command.MemberId, cancellationToken);
            if (member is null) return Failure.NotFound;
            var document = member.Document(command.Kind);
            if (document is null) return Failure.Invalid("", $"No {command.Kind.DisplayName().ToLowerInvariant()} evidence has been provided yet.");

            document.Verify(me.UserId!.Value, clock.UtcNow, clock.Today);
            audit.Add(AuditActions.EvidenceVerified, "IswProfile", member.Id.ToString(), command.Kind.ToString());

            var vetting = member.Vet(await db.ClientTermsAsync(cancellationToken), clock.Today, await db.ShadowerSpellsAsync(member, cancellationToken));
            var reinstated = member.ReinstateIfCompliant(vetting, clock.UtcNow, me.UserId!.Value);
            return $"{command.Kind.DisplayName()} verified.{(reinstated ? $" {member.FullName} is back on the panel for matching." : "")}";
        }
    }
}
