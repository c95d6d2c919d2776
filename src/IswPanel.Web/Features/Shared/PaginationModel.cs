namespace IswPanel.Web.Features.Shared;

/// <summary>For the GOV.UK pagination component: which page, how many, and how to link to one.</summary>
public sealed record PaginationModel(int Page, int PageCount, Func<int, string> Href);
