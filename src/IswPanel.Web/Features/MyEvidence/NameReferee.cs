using System.Text.RegularExpressions;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// The ISW names a referee. Two references must be received, at least one from a recent social-work
/// employer, so the form asks whether the organisation employed them as a social worker and until when.
/// </summary>
public static partial class NameReferee
{
    public sealed record Command : ICommand<Result<string>>
    {
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? Organisation { get; init; }
        public string? Relationship { get; init; }
        public bool? FromSocialWorkEmployer { get; init; }
        public DateInput EmploymentEndedOn { get; init; } = new();
        public bool StillWorksThere { get; init; }
    }

    public sealed record Load : IQuery<Result<Page>>;

    public sealed record Page(Command Form, IReadOnlyList<MyEvidenceOverview.RefereeItem> Referees, bool CanAddMore, bool CanProvideEvidence);

    /// <summary>The domain's limit on named referees.</summary>
    public const int MaximumReferees = 4;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            var today = clock.Today;
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the referee's name.")
                .MaximumLength(200).WithMessage("The referee's name must be 200 characters or fewer.");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the referee's email address.")
                .MaximumLength(256).WithMessage("The email address must be 256 characters or fewer.")
                .Must(e => EmailPattern().IsMatch(e!.Trim())).WithMessage("Enter an email address in the correct format, like name@example.com.");
            RuleFor(c => c.Organisation).NotEmpty().WithMessage("Enter the referee's organisation.")
                .MaximumLength(200).WithMessage("The organisation must be 200 characters or fewer.");
            RuleFor(c => c.Relationship).NotEmpty().WithMessage("Enter how the referee knows you.")
                .MaximumLength(200).WithMessage("How the referee knows you must be 200 characters or fewer.");
            RuleFor(c => c.FromSocialWorkEmployer).NotNull()
                .WithMessage("Select yes if this organisation employed you as a social worker.");

            // When the employment ended only matters for a social-work employer: it decides whether the reference is recent.
            When(c => c.FromSocialWorkEmployer == true && !c.StillWorksThere, () => DateRules.PastDate(RuleFor(c => c.EmploymentEndedOn), today,
                "the date you stopped working there, or select that you still work there", "The date you stopped working there"));
            RuleFor(c => c.EmploymentEndedOn).Must(d => d.IsEmpty).When(c => c.StillWorksThere)
                .WithMessage("Enter the date you stopped working there, or select that you still work there, not both.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Load query, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: false, cancellationToken);
            if (profile is null) return Failure.NotFound;
            return new Page(new Command(), Referees(profile), profile.Referees.Count < MaximumReferees, MyProfile.CanProvideEvidence(profile));
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: true, cancellationToken);
            if (profile is null) return Failure.NotFound;
            if (!MyProfile.CanProvideEvidence(profile)) return Failure.Conflict(MyProfile.ClosedMessage);

            var referee = profile.NameReferee(command.Name!, command.Email!, command.Organisation!, command.Relationship!,
                command.FromSocialWorkEmployer == true, command.StillWorksThere ? null : command.EmploymentEndedOn.ToDate(), clock.UtcNow);
            // Added explicitly: a new child found only through the collection would be taken for an existing row.
            db.Referees.Add(referee);
            audit.Add(AuditActions.RefereeNamed, nameof(Referee), referee.Id.ToString());
            return referee.Name;
        }
    }

    public static IReadOnlyList<MyEvidenceOverview.RefereeItem> Referees(IswProfile profile) =>
        [.. profile.Referees.OrderBy(r => r.NamedAt)
            .Select(r => new MyEvidenceOverview.RefereeItem(r.Name, r.Organisation, r.Relationship, r.FromSocialWorkEmployer, r.ReceivedOn))];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
