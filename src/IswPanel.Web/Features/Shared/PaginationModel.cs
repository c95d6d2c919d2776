namespace IswPanel.Web.Features.Shared;

/// <summary>
/// For the GOV.UK pagination component: which page, how many, and how to link to one. <see cref="NextHref"/>, when
/// the list gives a keyset cursor, is the "Next" link (it seeks rather than skips).
/// </summary>
public sealed record PaginationModel(int Page, int PageCount, Func<int, string> Href)
{
    public string? NextHref { get; init; }
}
