using System.Globalization;
using IswPanel.Web.Infrastructure.Configuration;

namespace IswPanel.Web.Features.Offers;

/// <summary>When an offer must be answered by, as people read it: "11:59pm on Thursday 3 December 2026" (GOV.UK style).</summary>
public static class OfferDeadline
{
    public static string Display(DateTime expiresAtUtc)
    {
        // Offers lapse at the end of a UK working day; the last minute of that day reads better than midnight next day.
        var last = expiresAtUtc.AddMinutes(-1).ToUkTime();
        var time = last.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
        return $"{time} on {last.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
    }
}
