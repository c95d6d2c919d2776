using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// The check-your-answers page: every section as a summary list with "Change" links, the post-qualifying
/// experience computed from the qualification date, the declaration and the submit button.
/// </summary>
public static class CheckAnswers
{
    public sealed record Query : IQuery<Summary>;

    public sealed record Summary(
        ApplicationAnswers Answers,
        string? Email,
        int? PqeYears,
        IReadOnlyDictionary<string, string> AssessmentTypeNames,
        IReadOnlyList<ApplicationSection> Incomplete);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Summary>
    {
        public async ValueTask<Summary> Handle(Query query, CancellationToken cancellationToken)
        {
            var answers = await ApplicationStore.ReadAsync(db, me, cancellationToken);
            var email = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            var typeNames = await db.AssessmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
            var pqe = answers.Registration is { } r && r.QualifiedOn <= clock.Today
                ? PostQualifyingExperience.WholeYears(r.QualifiedOn, clock.Today)
                : (int?)null;
            return new Summary(answers, email, pqe, typeNames, answers.Incomplete());
        }
    }
}
