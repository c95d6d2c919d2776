using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace IswPanel.Web.Features.Insight.Charts;

public enum ChartKind
{
    /// <summary>Horizontal bars, one per category: long labels fit.</summary>
    Bars,

    /// <summary>Vertical columns left to right: months and weeks.</summary>
    Columns,
}

/// <summary>One bar: its label, value, the value as shown, and the rows behind it (a filtered list), if any.</summary>
public sealed record ChartItem(string Label, double Value, string Display, string? Href = null, string? ShortLabel = null);

/// <summary>
/// A chart and its data. <see cref="Title"/> names it (the table's caption too); <see cref="Summary"/> is the text a
/// screen reader gets for the picture (one is written from the data when none is given).
/// </summary>
public sealed record Chart(string Id, string Title, ChartKind Kind, string CategoryHeader, string ValueHeader, IReadOnlyList<ChartItem> Items)
{
    public string? Summary { get; init; }

    /// <summary>The table shown directly (printable pages) instead of inside "Show the data as a table".</summary>
    public bool TableOpen { get; init; }

    /// <summary>Further columns of the table (same order as <see cref="Items"/>), e.g. "Released" beside "On time (%)".</summary>
    public IReadOnlyList<(string Header, IReadOnlyList<string> Values)> ExtraColumns { get; init; } = [];

    public bool IsEmpty => Items.Count == 0;

    public string Description => Summary ?? SvgChart.Describe(this);
}

/// <summary>
/// Server-rendered SVG charts: no script, no style attributes (the content security policy allows neither), only
/// presentation attributes. The picture is one image to assistive technology (<c>role="img"</c> with a title and a
/// description); its table, next to it, carries the numbers and the links to the rows behind each one.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const string Bar = "#1d70b8";
    private const string Ink = "#0b0c0c";
    private const string Rule = "#b1b4b6";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new HtmlString(chart.Kind == ChartKind.Bars ? Bars(chart) : Columns(chart));
    }

    /// <summary>"Bar chart of hours by month, 12 values: highest March 2026 (40.50), lowest January 2026 (0.00)."</summary>
    public static string Describe(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var kind = chart.Kind == ChartKind.Bars ? "Bar chart" : "Column chart";
        var what = $"{kind} of {chart.ValueHeader.ToLowerInvariant()} by {chart.CategoryHeader.ToLowerInvariant()}";
        if (chart.Items.Count == 0) return $"{what}: no data.";
        var high = chart.Items.MaxBy(i => i.Value)!;
        var low = chart.Items.MinBy(i => i.Value)!;
        return chart.Items.Count == 1
            ? $"{what}: {high.Label}, {high.Display}."
            : $"{what}, {chart.Items.Count} values: highest {high.Label} ({high.Display}), lowest {low.Label} ({low.Display}). The table gives every value.";
    }

    private static string Bars(Chart chart)
    {
        const int row = 30, labelWidth = 250, barStart = labelWidth + 10, barSpace = Width - barStart - 70, top = 6;
        var height = top * 2 + chart.Items.Count * row;
        var max = Max(chart);
        var svg = Open(chart, height);
        for (var i = 0; i < chart.Items.Count; i++)
        {
            var item = chart.Items[i];
            var y = top + i * row;
            var length = item.Value <= 0 ? 0 : Math.Max(2, item.Value / max * barSpace);
            svg.Append(Invariant, $"<text x=\"{labelWidth}\" y=\"{y + 19}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Ink}\">{Encode(Shorten(item.ShortLabel ?? item.Label, 34))}</text>");
            svg.Append(Invariant, $"<rect x=\"{barStart}\" y=\"{y + 5}\" width=\"{length:0.#}\" height=\"{row - 10}\" fill=\"{Bar}\"/>");
            svg.Append(Invariant, $"<text x=\"{barStart + length + 6:0.#}\" y=\"{y + 19}\" font-size=\"14\" fill=\"{Ink}\">{Encode(item.Display)}</text>");
        }

        svg.Append(Invariant, $"<line x1=\"{barStart}\" y1=\"{top}\" x2=\"{barStart}\" y2=\"{height - top}\" stroke=\"{Rule}\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static string Columns(Chart chart)
    {
        const int height = 240, top = 24, bottom = 40, left = 10, right = 10;
        var plot = height - top - bottom;
        var slot = (double)(Width - left - right) / Math.Max(1, chart.Items.Count);
        var columnWidth = Math.Max(4, slot * 0.6);
        var max = Max(chart);
        var svg = Open(chart, height);
        var baseline = height - bottom;
        for (var i = 0; i < chart.Items.Count; i++)
        {
            var item = chart.Items[i];
            var x = left + i * slot + (slot - columnWidth) / 2;
            var length = item.Value <= 0 ? 0 : Math.Max(2, item.Value / max * plot);
            var middle = left + i * slot + slot / 2;
            svg.Append(Invariant, $"<rect x=\"{x:0.#}\" y=\"{baseline - length:0.#}\" width=\"{columnWidth:0.#}\" height=\"{length:0.#}\" fill=\"{Bar}\"/>");
            svg.Append(Invariant, $"<text x=\"{middle:0.#}\" y=\"{baseline - length - 6:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Encode(item.Display)}</text>");
            svg.Append(Invariant, $"<text x=\"{middle:0.#}\" y=\"{baseline + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Encode(Shorten(item.ShortLabel ?? item.Label, 10))}</text>");
        }

        svg.Append(Invariant, $"<line x1=\"{left}\" y1=\"{baseline}\" x2=\"{Width - right}\" y2=\"{baseline}\" stroke=\"{Rule}\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(Chart chart, int height)
    {
        var id = Encode(chart.Id);
        return new StringBuilder()
            .Append(Invariant, $"<svg class=\"app-chart__image\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" ")
            .Append(Invariant, $"preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\" font-family=\"Arial, sans-serif\">")
            .Append(Invariant, $"<title id=\"{id}-title\">{Encode(chart.Title)}</title>")
            .Append(Invariant, $"<desc id=\"{id}-desc\">{Encode(chart.Description)}</desc>");
    }

    private static double Max(Chart chart)
    {
        var max = chart.Items.Count == 0 ? 0 : chart.Items.Max(i => i.Value);
        return max <= 0 ? 1 : max;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
