using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>The assessment-type catalogue: the same list on the admin page and the API.</summary>
public static class ListAssessmentTypes
{
    public sealed record Query(bool IncludeInactive = false) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(string Code, string Name, int TypicalWeeks, int MinPqeYears, string? RequiredSkill,
        int? TypicalHoursLow, int? TypicalHoursHigh, string? Notes, bool IsActive, Guid Id = default, int RetentionYears = 0);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.AssessmentTypes.AsNoTracking()
                .Where(t => query.IncludeInactive || t.IsActive)
                .OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name)
                .Select(t => new Item(t.Code, t.Name, t.TypicalWeeks, t.MinPqeYears, t.RequiredSkill, t.TypicalHoursLow,
                    t.TypicalHoursHigh, t.Notes, t.IsActive, t.Id, t.RetentionYears))
                .ToListAsync(cancellationToken);
    }
}
