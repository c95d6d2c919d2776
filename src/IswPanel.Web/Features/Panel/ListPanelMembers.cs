using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Web.Infrastructure.Paging;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// The panel list for administrators (page and API): filter by status, assessment type, region and documents
/// lapsing soon; search by name or Social Work England number; sort; paged.
/// </summary>
public static class ListPanelMembers
{
    public enum SortBy
    {
        Name,
        Experience,
        Status,
        NextExpiry,
    }

    public sealed record Query : IQuery<Result<Paged<Item>>>
    {
        public PanelMemberStatus? Status { get; init; }
        public string? AssessmentType { get; init; }
        public EnglishRegion? Region { get; init; }

        /// <summary>Only members with a document lapsing within this many days (or already lapsed).</summary>
        public int? ExpiringWithinDays { get; init; }

        /// <summary>Part of a name, or a Social Work England number.</summary>
        public string? Search { get; init; }
        public SortBy? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Item(
        Guid Id,
        string Name,
        string SweNumber,
        PanelMemberStatus Status,
        int PqeYears,
        IReadOnlyList<string> AssessmentTypes,
        IReadOnlyList<EnglishRegion> Regions,
        IReadOnlyList<DocumentExpiry> Documents)
    {
        public DocumentExpiry? NextExpiry => Documents.Where(d => d.ExpiresOn is not null).MinBy(d => d.ExpiresOn);
    }

    public sealed record DocumentExpiry(ComplianceDocumentKind Kind, DateOnly? ExpiresOn, bool Verified);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.");
            RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"Page size must be between 1 and {Paging.MaxPageSize}.");
            RuleFor(q => q.ExpiringWithinDays).InclusiveBetween(0, 3650).WithMessage("Enter a number of days between 0 and 3650.");
            RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search for 100 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock) : IQueryHandler<Query, Result<Paged<Item>>>
    {
        public async ValueTask<Result<Paged<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            var today = clock.Today;
            var members = db.IswProfiles.AsNoTracking();

            if (query.Status is { } status) members = members.Where(p => p.Status == status);
            if (!string.IsNullOrWhiteSpace(query.AssessmentType))
            {
                var code = query.AssessmentType.Trim().ToLowerInvariant();
                members = members.Where(p => p.AssessmentTypeCodes.Contains(code));
            }

            if (query.Region is { } region) members = members.Where(p => p.RegionsCovered.Contains(region));
            if (query.ExpiringWithinDays is { } days)
            {
                var horizon = today.AddDays(days);
                members = members.Where(p => p.Documents.Any(d => d.ExpiresOn != null && d.ExpiresOn <= horizon));
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var term = query.Search.Trim();
                var number = term.ToUpperInvariant();
                var lower = term.ToLowerInvariant();
                // Translated to SQL (LOWER(name) LIKE '%term%', wildcards escaped) on every provider; a StringComparison overload is not.
#pragma warning disable CA1862
                members = members.Where(p => p.SweNumber == number || p.FullName.ToLower().Contains(lower));
#pragma warning restore CA1862
            }

            members = query.Sort switch
            {
                SortBy.Experience => members.OrderBy(p => p.QualifiedOn).ThenBy(p => p.FullName),
                SortBy.Status => members.OrderBy(p => p.Status).ThenBy(p => p.FullName),
                SortBy.NextExpiry => members.OrderBy(p => p.Documents.Where(d => d.ExpiresOn != null).Min(d => d.ExpiresOn)).ThenBy(p => p.FullName),
                _ => members.OrderBy(p => p.FullName),
            };

            var rows = await members
                .Select(p => new
                {
                    p.Id, p.FullName, p.SweNumber, p.Status, p.QualifiedOn, p.AssessmentTypeCodes, p.RegionsCovered,
                    Documents = p.Documents.Select(d => new DocumentExpiry(d.Kind, d.ExpiresOn, d.VerifiedAt != null)).ToList(),
                })
                .ToPagedAsync(page, pageSize, cancellationToken);

            return new Paged<Item>(
                [.. rows.Items.Select(r => new Item(r.Id, r.FullName, r.SweNumber, r.Status, PostQualifyingExperience.WholeYears(r.QualifiedOn, today),
                    r.AssessmentTypeCodes, r.RegionsCovered, r.Documents))],
                rows.Page, rows.PageSize, rows.Total);
        }
    }
}
