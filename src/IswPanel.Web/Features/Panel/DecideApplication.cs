using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// An administrator's decision on an application under review: approve (refused, with every failing
/// check's reason, unless all pass), reject (with a reason), or ask the applicant for more information.
/// The applicant is emailed either way; the email says what happened, not why in detail.
/// </summary>
public static class DecideApplication
{
    public enum Decision
    {
        Approve,
        Reject,
        RequestInformation,
    }

    public sealed record Command : ICommand<Result<string>>
    {
        public Guid MemberId { get; init; }
        public Decision Decision { get; init; }

        /// <summary>Why it is rejected, or what the applicant must provide.</summary>
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == Decision.Reject).WithMessage("Enter why the application is rejected.");
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == Decision.RequestInformation).WithMessage("Enter what the applicant needs to provide.");
            RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("Write 2000 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit, IEmailSender email, PublicLinks links)
        : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.LoadForVettingAsync(command.MemberId, cancellationToken);
            if (member is null) return Failure.NotFound;
            var actor = me.UserId!.Value;
            var now = clock.UtcNow;

            switch (command.Decision)
            {
                case Decision.Approve:
                    var vetting = member.Vet(await db.ClientTermsAsync(cancellationToken), clock.Today, await db.ShadowerSpellsAsync(member, cancellationToken));
                    if (!vetting.CanApprove)
                        return new Failure(ResultStatus.Invalid, new Dictionary<string, string[]> { [""] = [.. vetting.RefusalReasons()] });
                    member.Approve(vetting, now, actor);
                    break;
                case Decision.Reject:
                    member.Reject(command.Reason!, now, actor);
                    break;
                case Decision.RequestInformation:
                    member.RequestMoreInformation(command.Reason!, now, actor);
                    break;
            }

            audit.Add(AuditActions.MembershipChanged, "IswProfile", member.Id.ToString(), $"{command.Decision}: {command.Reason}");
            await email.SendAsync(Message(member, command.Decision), cancellationToken);
            return command.Decision switch
            {
                Decision.Approve => $"{member.FullName} is approved and joins the panel.",
                Decision.Reject => $"{member.FullName}'s application is rejected.",
                _ => $"{member.FullName} has been asked for more information.",
            };
        }

        private EmailMessage Message(IswProfile member, Decision decision) => decision switch
        {
            Decision.Approve => new(member.Email, member.FullName, "Your IswPanel application",
                $"Hello {member.FullName},\n\nYour application to join the panel has been approved. You will receive offers of work that match your experience and availability.\n\n{links.Absolute("/my-work")}\n"),
            Decision.Reject => new(member.Email, member.FullName, "Your IswPanel application",
                $"Hello {member.FullName},\n\nWe are sorry: your application to join the panel has not been approved. Sign in to see the reason.\n\n{links.Absolute("/my-evidence")}\n"),
            _ => new(member.Email, member.FullName, "Your IswPanel application needs more information",
                $"Hello {member.FullName},\n\nThe panel administrators need more information before they can finish checking your application. Sign in to see what is needed.\n\n{links.Absolute("/my-evidence")}\n"),
        };
    }
}
