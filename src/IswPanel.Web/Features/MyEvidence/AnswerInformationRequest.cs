using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// The applicant answers administrators' request for more information: their answer is recorded in the
/// membership history and the application goes back to review.
/// </summary>
public static class AnswerInformationRequest
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public string? Response { get; init; }

        /// <summary>"I have uploaded it": the answer is evidence added on these pages.</summary>
        public bool UploadedIt { get; init; }
    }

    public const int ResponseMaxLength = 1500;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Response).Must((c, response) => !string.IsNullOrWhiteSpace(response) || c.UploadedIt)
                .WithMessage("Enter your response, or select that you have uploaded what was asked for.")
                .MaximumLength(ResponseMaxLength).WithMessage($"Your response must be {ResponseMaxLength} characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: true, cancellationToken);
            if (profile is null) return Failure.NotFound;
            if (profile.Status != PanelMemberStatus.Applicant || profile.InformationRequested is null)
                return Failure.Conflict("There is no request for more information to answer. The panel team may already have your response.");

            var response = command.Response?.Trim() ?? "";
            var text = (response.Length, command.UploadedIt) switch
            {
                (0, _) => "I have uploaded it.",
                (_, true) => $"{response} (I have uploaded it.)",
                _ => response,
            };
            profile.SubmitForReview(clock.UtcNow, me.UserId, "More information provided: " + text);
            audit.Add(AuditActions.InformationProvided, nameof(IswProfile), profile.Id.ToString());
            return Done.Value;
        }
    }
}
