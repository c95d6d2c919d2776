using IswPanel.Data;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Where the signed-in applicant is: the journey's gate (confirm the email first; once submitted, the
/// evidence page instead) and the task list of sections with their status.
/// </summary>
public static class ApplicationProgress
{
    public enum Stage
    {
        /// <summary>Not signed in as an Isw user: the start page.</summary>
        NotAnApplicant,
        EmailNotConfirmed,
        InProgress,
        Submitted,
    }

    public sealed record StageQuery : IQuery<StageResult>;

    public sealed record StageResult(Stage Stage, string? Email);

    public sealed record Query : IQuery<Overview>;

    public sealed record Overview(IReadOnlyList<Row> Sections, int Completed)
    {
        public bool CanSubmit => Completed == Sections.Count;
    }

    public sealed record Row(ApplicationSection Section, SectionStatus Status);

    public sealed class StageHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<StageQuery, StageResult>
    {
        public async ValueTask<StageResult> Handle(StageQuery query, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } userId || !me.IsInRole(Roles.Isw)) return new StageResult(Stage.NotAnApplicant, null);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync(cancellationToken);
            if (user is null) return new StageResult(Stage.NotAnApplicant, null);
            if (await db.IswProfiles.AnyAsync(p => p.UserId == userId, cancellationToken)) return new StageResult(Stage.Submitted, user.Email);
            return new StageResult(user.EmailConfirmed ? Stage.InProgress : Stage.EmailNotConfirmed, user.Email);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Overview>
    {
        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var answers = await ApplicationStore.ReadAsync(db, me, cancellationToken);
            var rows = ApplicationSection.All.Select(s => new Row(s, answers.StatusOf(s))).ToList();
            return new Overview(rows, rows.Count(r => r.Status == SectionStatus.Completed));
        }
    }
}
