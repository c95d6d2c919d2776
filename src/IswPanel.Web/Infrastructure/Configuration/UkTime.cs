namespace IswPanel.Web.Infrastructure.Configuration;

public static class UkTime
{
    /// <summary>A UTC instant as UK local time, for display.</summary>
    public static DateTime ToUkTime(this DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(
        DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkClock.UkTimeZone);
}
