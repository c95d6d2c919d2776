using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// The ISW marks which logged sessions the practitioner attended, or removes a marking made in error (only before
/// the practitioner has reflected on it). A session must be a session with the family on this nomination's
/// assignment, on or after the day the family consented, and have a free seat: the authority's contract caps the
/// shadowers per session. The seat is claimed through a unique index, so when two markings race for the last seat
/// exactly one wins and the other is told the session is full, in the domain's words.
/// </summary>
public static class SessionAttendance
{
    public const string ConsentFirst = "Record the family's consent before marking a session as attended.";
    public const string NotThisAssessment = "Choose a session from this assessment's log.";
    public const string HasReflection = "This session has a reflection, so it cannot be removed.";

    public sealed record Mark : ICommand<Result<Marked>>
    {
        [BindNever]
        public Guid NominationId { get; init; }

        public Guid? WorkLogEntryId { get; init; }
    }

    public sealed record Marked(string ShadowerName, DateOnly Date, WorkKind Kind);

    public sealed record Remove(Guid NominationId, Guid SessionId) : ICommand<Result<Marked>>;

    public sealed class MarkValidator : AbstractValidator<Mark>
    {
        public MarkValidator() => RuleFor(c => c.WorkLogEntryId).NotEmpty().WithMessage("Choose a session.");
    }

    public sealed class MarkHandler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit, LostRace lostRace)
        : ICommandHandler<Mark, Result<Marked>>
    {
        public async ValueTask<Result<Marked>> Handle(Mark command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.AsNoTracking().OnMyAssignments(me)
                .SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            if (nomination.Status == NominationStatus.Accepted && nomination.Consent == FamilyConsent.NotRecorded)
                return Failure.Invalid("", ConsentFirst);

            var entry = await db.WorkLogEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == command.WorkLogEntryId && e.AssignmentId == nomination.AssignmentId, cancellationToken);
            if (entry is null) return Failure.Invalid("", NotThisAssessment);
            // An anonymous type, not a tuple: Npgsql reads a projected tuple as a row value.
            var shadower = await db.Shadowers.Where(s => s.Id == nomination.ShadowerId)
                .Select(s => new { s.FullName, s.Role }).SingleAsync(cancellationToken);
            var shadowerName = shadower.FullName;
            if (await db.ShadowedSessions.AnyAsync(s => s.WorkLogEntryId == entry.Id && s.ShadowerId == nomination.ShadowerId, cancellationToken))
                return Failure.Invalid("", $"{shadowerName} is already marked as attending this session.");

            // The cap is the request's authority's.
            var cap = await (
                from r in db.AssessmentRequests
                where r.Id == nomination.AssessmentRequestId
                join a in db.Authorities on r.AuthorityId equals a.Id
                select a.Contract.MaxShadowersPerSession).SingleAsync(cancellationToken);
            var seatsTaken = await db.ShadowedSessions.Where(s => s.WorkLogEntryId == entry.Id).Select(s => s.Seat).ToListAsync(cancellationToken);
            var now = clock.UtcNow;
            var session = ShadowedSession.Attend(nomination, shadower.Role, entry.Id, entry.Date, entry.DurationMinutes, entry.IsSession, seatsTaken, cap, now);
            db.ShadowedSessions.Add(session);

            // Another marking may take the seat between this read and the save: the unique (session, seat) index refuses
            // the second, and the user is told what the domain says of a full session.
            lostRace.Means(Failure.Invalid("", FullMessage(nomination, entry, cap, now)));
            audit.Add(AuditActions.ShadowedSessionMarked, nameof(ShadowedSession), session.Id.ToString(),
                $"nomination {nomination.Id}; session {entry.Id}; seat {session.Seat} of {cap}", subjectAuthorityId: nomination.AuthorityId);
            return new Marked(shadowerName, entry.Date, entry.Kind);
        }

        /// <summary>The domain's own words for a full session: what it says when every seat is taken.</summary>
        private static string FullMessage(ShadowingNomination nomination, WorkLogEntry entry, int cap, DateTime now)
        {
            try
            {
                ShadowedSession.Attend(nomination, ShadowerRole.Other, entry.Id, entry.Date, entry.DurationMinutes, entry.IsSession,
                    [.. Enumerable.Range(1, cap)], cap, now);
            }
            catch (DomainException full)
            {
                return full.Message;
            }

            return "This session is full.";
        }
    }

    public sealed class RemoveHandler(AppDbContext db, ICurrentUser me, IAuditLog audit) : ICommandHandler<Remove, Result<Marked>>
    {
        public async ValueTask<Result<Marked>> Handle(Remove command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.AsNoTracking().OnMyAssignments(me)
                .SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            var session = await db.ShadowedSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.NominationId == nomination.Id, cancellationToken);
            if (session is null) return Failure.NotFound;
            if (session.Reflection is not null) return Failure.Invalid("", HasReflection);

            var kind = await db.WorkLogEntries.Where(e => e.Id == session.WorkLogEntryId).Select(e => e.Kind).SingleAsync(cancellationToken);
            // An anonymous type, not a tuple: Npgsql reads a projected tuple as a row value.
            var shadower = await db.Shadowers.Where(s => s.Id == nomination.ShadowerId)
                .Select(s => new { s.FullName, s.Role }).SingleAsync(cancellationToken);
            var shadowerName = shadower.FullName;
            db.ShadowedSessions.Remove(session);
            audit.Add(AuditActions.ShadowedSessionRemoved, nameof(ShadowedSession), session.Id.ToString(),
                $"nomination {nomination.Id}; session {session.WorkLogEntryId}", subjectAuthorityId: nomination.AuthorityId);
            return new Marked(shadowerName, session.SessionDate, kind);
        }
    }
}
