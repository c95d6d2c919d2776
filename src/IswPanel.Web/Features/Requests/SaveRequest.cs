using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using DomainRequestDetails = IswPanel.Domain.Assessments.RequestDetails;

namespace IswPanel.Web.Features.Requests;

/// <summary>What the person pressed: keep the request as a draft, or send it to the panel.</summary>
public enum RequestIntent
{
    SaveDraft,
    Submit,
}

/// <summary>
/// Where a request comes from. The page form asks for the people to assess and the letter of instruction
/// before it submits; the API (authorities' case-management systems) creates and submits in one call and
/// needs neither: the letter can follow by other means.
/// </summary>
public enum RequestChannel
{
    Page,
    Api,
}

/// <summary>
/// A commissioner asks for an assessment: a new request or a change to their draft, saved as a draft or
/// submitted. Submitting works out the milestone plan back from the deadline in working days (refusing a
/// deadline that is past or not a working day), flags it at risk when the deadline is short (a warning),
/// records the history and tells the panel administrators. Only the child's initials are kept, never a name.
/// </summary>
public static class SaveRequest
{
    /// <summary>Rows for people to assess on the form; blank rows are ignored.</summary>
    public const int PartyRows = 4;

    /// <summary>The most people one request may name (the API can send more rows than the form shows).</summary>
    public const int MaxParties = 12;

    public const string LetterNeeded =
        "Upload the letter of instruction before you submit the request. You can save the request as a draft without it.";

    public const string ChooseLetterAgain = "Select the letter of instruction again: a file cannot be kept when the form has errors.";

    public const string AlreadySubmitted =
        "This request has been submitted, so it can no longer be changed. Cancel it and make a new request if the details are wrong.";

    public sealed record PartyRow
    {
        public string? Role { get; init; }
        public string? Initials { get; init; }
    }

    public sealed record Command : ICommand<Result<Saved>>
    {
        /// <summary>The draft being changed; null for a new request. Set from the route, never from the form.</summary>
        [BindNever]
        public Guid? Id { get; init; }

        [BindNever]
        public RequestChannel Channel { get; init; }

        public RequestIntent Intent { get; init; }

        /// <summary>The assessment type's code, e.g. "parenting".</summary>
        public string? AssessmentType { get; init; }
        public string? CaseReference { get; init; }
        public string? ChildInitials { get; init; }
        public List<PartyRow> Parties { get; init; } = [];
        public bool? ForCourt { get; init; }
        public string? CourtName { get; init; }
        public string? CourtCaseNumber { get; init; }
        public DateInput FilingDeadline { get; init; } = new();
        public DateInput TargetDate { get; init; } = new();
        public string? PostcodeDistrict { get; init; }
        public string? Language { get; init; }
        public bool InterpreterNeeded { get; init; }

        /// <summary>Ticked from <see cref="SpecialSkills.Listed"/> on the page; any text from the API.</summary>
        public List<string> SpecialRequirements { get; init; } = [];

        /// <summary>Anything else, separated by commas.</summary>
        public string? OtherRequirements { get; init; }
        public int? BudgetHours { get; init; }
        public string? Notes { get; init; }
        public IFormFile? LetterOfInstruction { get; init; }

        /// <summary>The same answers with at least <see cref="PartyRows"/> rows for people, for the form.</summary>
        public Command WithRows()
        {
            var rows = Parties.Where(p => !IsBlank(p)).ToList();
            while (rows.Count < PartyRows) rows.Add(new PartyRow());
            return this with { Parties = rows };
        }

        public DateOnly? Deadline => ForCourt == false ? TargetDate.ToDate() : FilingDeadline.ToDate();
    }

    /// <summary>The saved request; <see cref="RiskExplanation"/> is set when a submitted request is at risk.</summary>
    public sealed record Saved(Guid Id, string CaseReference, bool Submitted, string? RiskExplanation);

    /// <summary>The form: new (Id null) or a draft to change.</summary>
    public sealed record Load(Guid? Id) : IQuery<Result<FormPage>>;

    public sealed record FormPage(Command Form, IReadOnlyList<TypeOption> Types, Letter? CurrentLetter, string? CaseReference)
    {
        public bool IsNew => Form.Id is null;
    }

    public sealed record TypeOption(string Code, string Name, int TypicalWeeks, string? RequiredSkill)
    {
        public string Hint => $"Typically {TypicalWeeks.ToString(CultureInfo.InvariantCulture)} weeks." +
            (RequiredSkill is null ? "" : $" Needs a social worker who is {RequiredSkill}.");
    }

    public sealed record Letter(Guid FileId, string FileName);

    public static bool IsBlank(PartyRow row) => string.IsNullOrWhiteSpace(row.Role) && string.IsNullOrWhiteSpace(row.Initials);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser me)
        {
            RuleFor(c => c.AssessmentType).NotEmpty().WithMessage("Select the type of assessment.");
            RuleFor(c => c.CaseReference).NotEmpty().WithMessage("Enter the case reference.")
                .MaximumLength(64).WithMessage("The case reference must be 64 characters or fewer.");
            RuleFor(c => c.ChildInitials).NotEmpty().WithMessage("Enter the child's initials.")
                .Must(AssessmentRequest.IsValidInitials).When(c => !string.IsNullOrWhiteSpace(c.ChildInitials), ApplyConditionTo.CurrentValidator)
                .WithMessage("Enter the child's initials only, for example J.S. Do not enter their name.");

            RuleFor(c => c.Parties).Must(p => p.Any(row => !IsBlank(row)))
                .When(c => c.Channel == RequestChannel.Page)
                .WithMessage("Enter at least one person to assess, with their role and initials.")
                .OverridePropertyName("Parties[0].Role");
            RuleFor(c => c.Parties).Must(p => p.Count(row => !IsBlank(row)) <= MaxParties)
                .WithMessage($"Name at most {MaxParties} people to assess.");
            RuleForEach(c => c.Parties).ChildRules(row =>
            {
                row.RuleFor(r => r.Role).NotEmpty().When(r => !IsBlank(r)).WithMessage("Enter the person's role, for example Mother.")
                    .MaximumLength(64).WithMessage("The role must be 64 characters or fewer.");
                row.RuleFor(r => r.Initials).NotEmpty().When(r => !IsBlank(r)).WithMessage("Enter the person's initials, for example K.L.")
                    .Must(AssessmentRequest.IsValidInitials).When(r => !string.IsNullOrWhiteSpace(r.Initials), ApplyConditionTo.CurrentValidator)
                    .WithMessage("Enter the person's initials only, for example K.L. Do not enter their name.");
            });

            RuleFor(c => c.ForCourt).NotNull().WithMessage("Select whether the assessment is for court.");
            RuleFor(c => c.FilingDeadline).Must(d => !d.IsEmpty).When(c => c.ForCourt == true).WithMessage("Enter the filing deadline.")
                .Must(d => d.ToDate() is not null).When(c => c.ForCourt == true && !c.FilingDeadline.IsEmpty, ApplyConditionTo.CurrentValidator)
                .WithMessage("The filing deadline must be a real date.");
            RuleFor(c => c.TargetDate).Must(d => !d.IsEmpty).When(c => c.ForCourt == false).WithMessage("Enter the target date.")
                .Must(d => d.ToDate() is not null).When(c => c.ForCourt == false && !c.TargetDate.IsEmpty, ApplyConditionTo.CurrentValidator)
                .WithMessage("The target date must be a real date.");
            RuleFor(c => c.CourtName).Must((c, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(c.CourtCaseNumber))
                .When(c => c.ForCourt == true, ApplyConditionTo.CurrentValidator).WithMessage("Enter the court or the court case number.")
                .MaximumLength(200).WithMessage("The court's name must be 200 characters or fewer.");
            RuleFor(c => c.CourtCaseNumber).MaximumLength(64).WithMessage("The court case number must be 64 characters or fewer.");

            RuleFor(c => c.PostcodeDistrict).NotEmpty().WithMessage("Enter the postcode district, for example NE1.")
                .Must(AssessmentRequest.IsValidPostcodeDistrict).When(c => !string.IsNullOrWhiteSpace(c.PostcodeDistrict), ApplyConditionTo.CurrentValidator)
                .WithMessage("Enter a postcode district like NE1 or SW1A: the first part of the postcode only.");
            RuleFor(c => c.Language).MaximumLength(64).WithMessage("The language must be 64 characters or fewer.");

            RuleFor(c => c.SpecialRequirements).Must(r => r.All(SpecialSkills.Listed.Contains))
                .When(c => c.Channel == RequestChannel.Page).WithMessage("Select special requirements from the list.");
            RuleFor(c => c.SpecialRequirements).Must(r => r.Count <= 20).WithMessage("Give at most 20 special requirements.");
            RuleForEach(c => c.SpecialRequirements).MaximumLength(100).WithMessage("Each special requirement must be 100 characters or fewer.");
            RuleFor(c => c.OtherRequirements).MaximumLength(500).WithMessage("Other requirements must be 500 characters or fewer.");

            RuleFor(c => c.BudgetHours).InclusiveBetween(1, 1000).WithMessage("Budget hours must be between 1 and 1000.");
            RuleFor(c => c.Notes).MaximumLength(4000).WithMessage("Notes must be 4000 characters or fewer.");

            RuleFor(c => c.LetterOfInstruction).Must(f => Uploads.Precheck(f, UploadPolicy.Evidence) is null)
                .When(c => c.LetterOfInstruction is not null)
                .WithMessage(c => Uploads.Precheck(c.LetterOfInstruction, UploadPolicy.Evidence) ?? "");
            RuleFor(c => c.LetterOfInstruction).MustAsync(async (c, _, ct) => c.Id is { } id &&
                    await db.AssessmentRequests.VisibleTo(me).AnyAsync(r => r.Id == id && r.LetterOfInstructionFileId != null, ct))
                .When(c => c.Channel == RequestChannel.Page && c.Intent == RequestIntent.Submit && c.LetterOfInstruction is null)
                .WithMessage(LetterNeeded);
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Load, Result<FormPage>>
    {
        public async ValueTask<Result<FormPage>> Handle(Load query, CancellationToken cancellationToken)
        {
            var types = await CatalogueAsync(db, cancellationToken);
            if (query.Id is not { } id) return new FormPage(new Command { ForCourt = true }.WithRows(), types, null, null);

            var draft = await OwnDrafts(db, me).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (draft is null) return Failure.NotFound;
            var code = await db.AssessmentTypes.Where(t => t.Id == draft.AssessmentTypeId).Select(t => t.Code).SingleAsync(cancellationToken);
            var letter = draft.LetterOfInstructionFileId is { } fileId
                ? await db.StoredFiles.Where(f => f.Id == fileId).Select(f => new Letter(f.Id, f.OriginalName)).SingleOrDefaultAsync(cancellationToken)
                : null;

            await audit.WriteAsync(AuditActions.RequestViewed, nameof(AssessmentRequest), draft.Id.ToString(), "draft opened to change",
                cancellationToken: cancellationToken, subjectAuthorityId: draft.AuthorityId);
            var form = new Command
            {
                Id = draft.Id,
                AssessmentType = code,
                CaseReference = draft.CaseReference,
                ChildInitials = draft.ChildInitials,
                Parties = [.. draft.Parties.Select(p => new PartyRow { Role = p.Role, Initials = p.Initials })],
                ForCourt = draft.ForCourt,
                CourtName = draft.CourtName,
                CourtCaseNumber = draft.CourtCaseNumber,
                FilingDeadline = draft.ForCourt ? DateInput.From(draft.FilingDeadline) : new DateInput(),
                TargetDate = draft.ForCourt ? new DateInput() : DateInput.From(draft.FilingDeadline),
                PostcodeDistrict = draft.PostcodeDistrict,
                Language = draft.Language,
                InterpreterNeeded = draft.InterpreterNeeded,
                SpecialRequirements = [.. draft.SpecialRequirements.Where(r => SpecialSkills.Listed.Contains(r))],
                OtherRequirements = string.Join(", ", draft.SpecialRequirements.Where(r => !SpecialSkills.Listed.Contains(r))) is { Length: > 0 } other ? other : null,
                BudgetHours = draft.BudgetHours,
                Notes = draft.Notes,
            };
            return new FormPage(form.WithRows(), types, letter, draft.CaseReference);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, MilestonePlanner planner, Uploads uploads,
        Notifier notifier, IAuditLog audit) : ICommandHandler<Command, Result<Saved>>
    {
        public async ValueTask<Result<Saved>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.AuthorityId is not { } authorityId || me.UserId is not { } userId || !me.IsInRole(Roles.Commissioner))
                return Failure.Forbidden;

            var code = command.AssessmentType!.Trim().ToLowerInvariant();
            var type = await db.AssessmentTypes.SingleOrDefaultAsync(t => t.Code == code && t.IsActive, cancellationToken);
            if (type is null)
            {
                return Failure.Invalid(nameof(Command.AssessmentType), command.Channel == RequestChannel.Api
                    ? $"There is no assessment type \"{command.AssessmentType}\". Use a code from GET /api/v1/assessment-types."
                    : "Select the type of assessment from the list.");
            }

            AssessmentRequest? request = null;
            if (command.Id is { } id)
            {
                request = await db.AssessmentRequests.VisibleTo(me).Where(r => r.AuthorityId == authorityId)
                    .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
                if (request is null) return Failure.NotFound;
                if (request.Status != AssessmentRequestStatus.Draft) return Failure.Conflict(AlreadySubmitted);
            }

            if (command.Deadline is null)
                return command.ForCourt == false
                    ? Failure.Invalid(nameof(Command.TargetDate), "Enter the target date.")
                    : Failure.Invalid(nameof(Command.FilingDeadline), "Enter the filing deadline.");

            var submit = command.Intent == RequestIntent.Submit;
            if (submit && command.Channel == RequestChannel.Page && command.LetterOfInstruction is null && request?.LetterOfInstructionFileId is null)
                return Failure.Invalid(nameof(Command.LetterOfInstruction), LetterNeeded);

            StoredFile? letter = null;
            if (command.LetterOfInstruction is not null)
            {
                var upload = await uploads.AcceptAsync(command.LetterOfInstruction, UploadPolicy.Evidence, ownerUserId: null, cancellationToken);
                if (!upload.Accepted) return Failure.Invalid(nameof(Command.LetterOfInstruction), upload.Error!);
                letter = upload.File;
            }

            try
            {
                return await SaveAsync(command, request, type, authorityId, userId, letter, cancellationToken);
            }
            catch (DomainException)
            {
                if (letter is not null) await uploads.DiscardAsync(letter, cancellationToken);
                throw;
            }
        }

        private async Task<Saved> SaveAsync(Command command, AssessmentRequest? request, AssessmentType type, Guid authorityId, Guid userId,
            StoredFile? letter, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var forCourt = command.ForCourt ?? true;
            var deadline = command.Deadline!.Value;
            var details = new DomainRequestDetails(type.Id, command.CaseReference!, command.ChildInitials!,
                [.. command.Parties.Where(p => !IsBlank(p)).Select(p => new RequestParty(p.Role ?? "", p.Initials ?? ""))],
                forCourt, command.CourtName, command.CourtCaseNumber, deadline, command.PostcodeDistrict!, command.Language,
                command.InterpreterNeeded, [.. command.SpecialRequirements, .. SplitOther(command.OtherRequirements)],
                command.BudgetHours, command.Notes, letter?.Id);

            var isNew = request is null;
            if (request is null)
            {
                request = AssessmentRequest.CreateDraft(authorityId, details, userId, now);
                db.AssessmentRequests.Add(request);
            }
            else
            {
                request.UpdateDraft(details, now);
            }

            if (letter is not null)
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, $"Letter of instruction uploaded: {letter.OriginalName}."));

            if (command.Intent != RequestIntent.Submit)
            {
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, isNew ? "Saved as a draft." : "Draft changed."));
                audit.Add(AuditActions.RequestDraftSaved, nameof(AssessmentRequest), request.Id.ToString(), subjectAuthorityId: request.AuthorityId);
                return new Saved(request.Id, request.CaseReference, Submitted: false, RiskExplanation: null);
            }

            // Refuses a deadline that is past or not a working day (DomainException on FilingDeadline or TargetDate).
            var plan = planner.Plan(type, deadline, clock.Today, forCourt);
            request.Submit(MilestonePlanner.Stored(plan), plan.AtRisk, plan.ShortfallWorkingDays, now);

            var dateKind = forCourt ? "filing deadline" : "target date";
            var what = $"Submitted{(command.Channel == RequestChannel.Api ? " through the API" : "")}. Milestones planned back from the {dateKind}, {RequestWording.Date(deadline)}.";
            if (plan.RiskExplanation is { } risk) what += $" At risk: {risk}";
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, what));

            var authority = await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.Name).SingleAsync(cancellationToken);
            await notifier.TellAdministratorsAsync(NotificationCategories.Requests,
                $"{authority} submitted {RequestWording.Name(type.Name, request.CaseReference)}" +
                (plan.AtRisk ? $": at risk, {RequestWording.WorkingDays(plan.ShortfallWorkingDays)} short." : "."),
                $"/requests/{request.Id}", cancellationToken);
            audit.Add(AuditActions.RequestSubmitted, nameof(AssessmentRequest), request.Id.ToString(),
                plan.AtRisk ? $"at risk, {plan.ShortfallWorkingDays} working days short" : null, subjectAuthorityId: request.AuthorityId);
            return new Saved(request.Id, request.CaseReference, Submitted: true, plan.RiskExplanation);
        }

        private static string[] SplitOther(string? other) =>
            string.IsNullOrWhiteSpace(other)
                ? []
                : other.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The active catalogue, in display order.</summary>
    public static async Task<IReadOnlyList<TypeOption>> CatalogueAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.AssessmentTypes.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name)
            .Select(t => new TypeOption(t.Code, t.Name, t.TypicalWeeks, t.RequiredSkill))
            .ToListAsync(cancellationToken);

    /// <summary>The drafts of the commissioner's own authority.</summary>
    private static IQueryable<AssessmentRequest> OwnDrafts(AppDbContext db, ICurrentUser me) =>
        me.IsInRole(Roles.Commissioner) && me.AuthorityId is { } authorityId
            ? db.AssessmentRequests.VisibleTo(me).Where(r => r.AuthorityId == authorityId && r.Status == AssessmentRequestStatus.Draft)
            : db.AssessmentRequests.Where(_ => false);
}
