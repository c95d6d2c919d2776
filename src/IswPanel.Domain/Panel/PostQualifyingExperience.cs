using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>Post-qualifying experience: computed from the qualification date, never typed.</summary>
public static class PostQualifyingExperience
{
    /// <summary>
    /// Whole years from <paramref name="qualifiedOn"/> to <paramref name="today"/>. Someone qualified on
    /// 29 February reaches the anniversary on 28 February in common years.
    /// </summary>
    public static int WholeYears(DateOnly qualifiedOn, DateOnly today)
    {
        if (qualifiedOn > today) throw new DomainException("The qualification date cannot be in the future.");
        var years = today.Year - qualifiedOn.Year;
        return AnniversaryIn(qualifiedOn, today.Year) > today ? years - 1 : years;
    }

    /// <summary>The date on which someone qualified on <paramref name="qualifiedOn"/> completes <paramref name="years"/> years.</summary>
    public static DateOnly DateReached(DateOnly qualifiedOn, int years) => AnniversaryIn(qualifiedOn, qualifiedOn.Year + years);

    private static DateOnly AnniversaryIn(DateOnly qualifiedOn, int year)
    {
        var day = Math.Min(qualifiedOn.Day, DateTime.DaysInMonth(year, qualifiedOn.Month));
        return new DateOnly(year, qualifiedOn.Month, day);
    }
}
