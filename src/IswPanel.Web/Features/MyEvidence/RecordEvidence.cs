using System.Text.RegularExpressions;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// The ISW records a piece of evidence (DBS certificate, indemnity insurance, right to work, qualification)
/// with its file. The domain clears any earlier verification, and an active member is suspended from matching
/// until an administrator verifies the new evidence: nobody stays active on evidence nobody has checked.
/// </summary>
public static partial class RecordEvidence
{
    /// <summary>One form for every kind; each kind's page asks only its own questions.</summary>
    public sealed record Command : ICommand<Result<Outcome>>
    {
        /// <summary>Set from the page's route, not from the form.</summary>
        public ComplianceDocumentKind Kind { get; init; }

        /// <summary>DBS certificate number; insurance policy number (optional); right-to-work document; qualification name (optional).</summary>
        public string? Reference { get; init; }

        /// <summary>DBS: the date of issue.</summary>
        public DateInput IssuedOn { get; init; } = new();

        /// <summary>Insurance: the last day of cover.</summary>
        public DateInput ExpiresOn { get; init; } = new();

        /// <summary>DBS: whether the certificate is on the DBS Update Service.</summary>
        public bool? OnUpdateService { get; init; }

        public IFormFile? File { get; init; }
    }

    /// <summary>What was saved, and whether the change suspended an active member.</summary>
    public sealed record Outcome(ComplianceDocumentKind Kind, bool Suspended);

    public sealed record Load(ComplianceDocumentKind Kind) : IQuery<Result<Page>>;

    /// <summary>The page: the form, and what the ISW needs to know before submitting it.</summary>
    public sealed record Page(
        Command Form,
        string FullName,
        PanelMemberStatus Status,
        DateOnly QualifiedOn,
        bool ChangeSuspends,
        bool CanProvideEvidence,
        MyEvidenceOverview.FileLink? CurrentFile);

    /// <summary>Documents that show a right to work in the UK (Home Office list A, the usual ones).</summary>
    public static readonly IReadOnlyList<string> RightToWorkDocuments =
    [
        "UK passport",
        "Irish passport or passport card",
        "Certificate of British citizenship",
        "Birth or adoption certificate with National Insurance number",
        "Home Office share code (eVisa)",
    ];

    public const int ReferenceMaxLength = 64;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            var today = clock.Today;
            RuleFor(c => c.Kind).Must(k => MyProfile.ProvidedKinds.Contains(k)).WithMessage("Choose a kind of evidence.");
            When(c => c.Kind == ComplianceDocumentKind.EnhancedDbs, () =>
            {
                RuleFor(c => c.Reference).NotEmpty().WithMessage("Enter the DBS certificate number.")
                    .Must(r => DbsCertificateNumber().IsMatch(Normalise(r)!)).When(c => !string.IsNullOrWhiteSpace(c.Reference))
                    .WithMessage("The DBS certificate number must be 12 digits, like 001234567890.");
                DateRules.PastDate(RuleFor(c => c.IssuedOn), today, "the date the certificate was issued", "The date the certificate was issued");
                RuleFor(c => c.OnUpdateService).NotNull().WithMessage("Select yes if the certificate is on the DBS Update Service.");
            });

            When(c => c.Kind == ComplianceDocumentKind.IndemnityInsurance, () =>
            {
                RuleFor(c => c.Reference).MaximumLength(ReferenceMaxLength)
                    .WithMessage($"The policy number must be {ReferenceMaxLength} characters or fewer.");
                RuleFor(c => c.ExpiresOn).Cascade(CascadeMode.Stop)
                    .Must(d => !d.IsEmpty).WithMessage("Enter the date the policy ends.")
                    .Must(d => d.ToDate() is not null).WithMessage("The date the policy ends must be a real date.")
                    .Must(d => d.ToDate() > today).WithMessage("The date the policy ends must be in the future.");
            });

            When(c => c.Kind == ComplianceDocumentKind.RightToWork, () =>
                RuleFor(c => c.Reference).Must(r => r is not null && RightToWorkDocuments.Contains(r))
                    .WithMessage("Select the document that shows your right to work."));

            When(c => c.Kind == ComplianceDocumentKind.Qualification, () =>
                RuleFor(c => c.Reference).MaximumLength(ReferenceMaxLength)
                    .WithMessage($"The name of the qualification must be {ReferenceMaxLength} characters or fewer."));

            // Last, as the file input is last on every page: the error summary lists errors in the page's order.
            RuleFor(c => c.File).Custom((file, context) =>
            {
                if (Uploads.Precheck(file, UploadPolicy.Evidence) is { } problem) context.AddFailure(nameof(Command.File), problem);
            });
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Load query, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: false, cancellationToken);
            if (profile is null) return Failure.NotFound;

            var document = profile.Document(query.Kind);
            MyEvidenceOverview.FileLink? file = null;
            if (document?.StoredFileId is { } fileId)
            {
                file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId && f.OwnerUserId == me.UserId)
                    .Select(f => new MyEvidenceOverview.FileLink(f.Id, f.OriginalName)).SingleOrDefaultAsync(cancellationToken);
            }

            var form = new Command
            {
                Kind = query.Kind,
                Reference = document?.Reference,
                IssuedOn = query.Kind == ComplianceDocumentKind.EnhancedDbs ? DateInput.From(document?.IssuedOn) : new DateInput(),
                ExpiresOn = query.Kind == ComplianceDocumentKind.IndemnityInsurance ? DateInput.From(document?.ExpiresOn) : new DateInput(),
                OnUpdateService = document is null ? null : document.OnUpdateService,
            };
            return new Page(form, profile.FullName, profile.Status, profile.QualifiedOn, WouldSuspend(profile, query.Kind),
                MyProfile.CanProvideEvidence(profile), file);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Uploads uploads, IAuditLog audit)
        : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: true, cancellationToken);
            if (profile is null) return Failure.NotFound;
            if (!MyProfile.CanProvideEvidence(profile)) return Failure.Conflict(MyProfile.ClosedMessage);

            var upload = await uploads.AcceptAsync(command.File, UploadPolicy.Evidence, me.UserId, cancellationToken);
            if (upload.File is not { } file) return Failure.Invalid(nameof(Command.File), upload.Error!);

            var kind = command.Kind;
            var isNew = profile.Document(kind) is null;
            var wasActive = profile.Status == PanelMemberStatus.Active;
            ComplianceDocument document;
            try
            {
                document = kind switch
                {
                    ComplianceDocumentKind.EnhancedDbs => profile.ProvideEvidence(kind, Normalise(command.Reference), command.IssuedOn.ToDate(), null,
                        command.OnUpdateService == true, file.Id, clock.UtcNow, me.UserId!.Value),
                    ComplianceDocumentKind.IndemnityInsurance => profile.ProvideEvidence(kind, command.Reference, null, command.ExpiresOn.ToDate(),
                        false, file.Id, clock.UtcNow, me.UserId!.Value),
                    ComplianceDocumentKind.Qualification => profile.ProvideEvidence(kind, command.Reference, profile.QualifiedOn, null,
                        false, file.Id, clock.UtcNow, me.UserId!.Value),
                    _ => profile.ProvideEvidence(kind, command.Reference, null, null, false, file.Id, clock.UtcNow, me.UserId!.Value),
                };
            }
            catch (DomainException)
            {
                await uploads.DiscardAsync(file, cancellationToken);
                throw;
            }

            // A new child reached only through the profile's collection would be taken for an existing row
            // (its id is set by the application), so it is added explicitly.
            if (isNew) db.ComplianceDocuments.Add(document);

            var suspended = wasActive && profile.Status == PanelMemberStatus.Suspended;
            audit.Add(AuditActions.EvidenceProvided, nameof(ComplianceDocument), document.Id.ToString(),
                $"{kind}{(suspended ? "; suspended from matching until verified" : "")}");
            return new Outcome(kind, suspended);
        }
    }

    /// <summary>Recording this kind now would suspend an active member (the current evidence is verified).</summary>
    public static bool WouldSuspend(IswProfile profile, ComplianceDocumentKind kind) =>
        profile.Status == PanelMemberStatus.Active && profile.Document(kind)?.IsVerified == true;

    private static string? Normalise(string? certificateNumber) =>
        certificateNumber is null ? null : string.Concat(certificateNumber.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex DbsCertificateNumber();
}

/// <summary>Date rules in GOV.UK's words, shared by the evidence and referee forms.</summary>
internal static class DateRules
{
    /// <param name="what">Lower case, for "Enter …": "the date the certificate was issued".</param>
    /// <param name="subject">Sentence case, for "… must be a real date": "The date the certificate was issued".</param>
    public static void PastDate<T>(IRuleBuilderInitial<T, DateInput> rule, DateOnly today, string what, string subject) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(d => !d.IsEmpty).WithMessage($"Enter {what}.")
            .Must(d => d.ToDate() is not null).WithMessage($"{subject} must be a real date.")
            .Must(d => d.ToDate() <= today).WithMessage($"{subject} must be today or in the past.");
}
