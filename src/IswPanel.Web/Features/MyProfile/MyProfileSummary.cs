using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyProfile;

/// <summary>What the panel holds about the signed-in ISW, with links to change it.</summary>
public static class MyProfileSummary
{
    public sealed record Query : IQuery<Result<Summary>>;

    public sealed record Summary(string Name, string Email, string? Phone, string SweNumber, DateOnly QualifiedOn, int PqeYears,
        PanelMemberStatus Status, IReadOnlyList<string> AssessmentTypes, IReadOnlyList<string> Skills, IReadOnlyList<EnglishRegion> Regions,
        string HomePostcodeDistrict, int TravelRadiusMiles, IReadOnlyList<string> Languages, int Capacity, decimal HourlyRate,
        IReadOnlyList<UnavailablePeriod> Unavailable)
    {
        /// <summary>The add-a-period form, kept when it comes back with errors.</summary>
        public EditAvailability.Add NewPeriod { get; init; } = new();
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Result<Summary>>
    {
        public async ValueTask<Result<Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var p = await db.IswProfiles.AsNoTracking().VisibleTo(me).SingleOrDefaultAsync(x => x.Id == me.IswProfileId, cancellationToken);
            if (p is null) return Failure.NotFound;
            var names = await db.AssessmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
            return new Summary(p.FullName, p.Email, p.Phone, p.SweNumber, p.QualifiedOn, p.PqeYears(clock.Today), p.Status,
                [.. p.AssessmentTypeCodes.Select(c => names.GetValueOrDefault(c, c))], p.Skills, p.RegionsCovered, p.HomePostcodeDistrict,
                p.TravelRadiusMiles, p.Languages, p.Capacity, p.HourlyRate, p.UnavailablePeriods);
        }
    }
}
