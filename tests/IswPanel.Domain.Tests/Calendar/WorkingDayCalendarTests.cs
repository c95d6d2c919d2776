using IswPanel.Domain.Calendar;

namespace IswPanel.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();
    private static readonly NaiveCalendar Naive = new(BankHolidays.EnglandAndWales());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string> ShippedHolidays()
    {
        var data = new TheoryData<string, string>();
        foreach (var holiday in BankHolidays.EnglandAndWales().Holidays)
            data.Add(holiday.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), holiday.Title);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedHolidays))]
    public void Every_shipped_bank_holiday_is_not_a_working_day_and_its_neighbours_behave(string date, string title)
    {
        var holiday = D(date);
        Assert.False(Calendar.IsWorkingDay(holiday));
        Assert.Equal(title, Calendar.BankHolidayOn(holiday)?.Title);

        var dayBefore = holiday.AddDays(-1);
        var dayAfter = holiday.AddDays(1);
        Assert.Equal(Naive.IsWorkingDay(dayAfter), Calendar.IsWorkingDay(dayAfter));

        // Around the holiday: the working days either side, found by walking.
        var next = holiday.AddDays(1);
        while (!Naive.IsWorkingDay(next)) next = next.AddDays(1);
        var previous = holiday.AddDays(-1);
        while (!Naive.IsWorkingDay(previous)) previous = previous.AddDays(-1);

        Assert.Equal(next, Calendar.NextWorkingDayOnOrAfter(holiday));
        Assert.Equal(next, Calendar.AddWorkingDays(holiday, 1));
        Assert.Equal(holiday, Calendar.AddWorkingDays(holiday, 0));
        if (!Calendar.Covers(dayBefore))
        {
            // 1 January 2018, the first day of the list: what lies before it is unknown, and said so.
            Assert.Throws<DateNotCoveredException>(() => Calendar.IsWorkingDay(dayBefore));
            Assert.Throws<DateNotCoveredException>(() => Calendar.PreviousWorkingDayOnOrBefore(holiday));
            Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(holiday, -1));
            return;
        }

        Assert.Equal(Naive.IsWorkingDay(dayBefore), Calendar.IsWorkingDay(dayBefore));
        Assert.Equal(previous, Calendar.PreviousWorkingDayOnOrBefore(holiday));
        Assert.Equal(previous, Calendar.AddWorkingDays(holiday, -1));
        Assert.Equal(next, Calendar.AddWorkingDays(previous, 1));
        Assert.Equal(previous, Calendar.AddWorkingDays(next, -1));
        Assert.Equal(0, Calendar.WorkingDaysBetween(dayBefore, holiday));    // the holiday itself adds nothing
        Assert.Equal(1, Calendar.WorkingDaysBetween(previous, next));
        Assert.Equal(-1, Calendar.WorkingDaysBetween(next, previous));
    }

    [Theory]
    [InlineData("2026-12-28", "Boxing Day")]           // 26 Dec 2026 is a Saturday
    [InlineData("2020-12-28", "Boxing Day")]           // 26 Dec 2020 is a Saturday
    [InlineData("2021-12-27", "Christmas Day")]        // 25 Dec 2021 is a Saturday
    [InlineData("2021-12-28", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day")]        // 25 Dec 2022 is a Sunday
    [InlineData("2027-12-27", "Christmas Day")]
    [InlineData("2027-12-28", "Boxing Day")]
    [InlineData("2022-01-03", "New Year’s Day")]       // 1 Jan 2022 is a Saturday
    [InlineData("2023-01-02", "New Year’s Day")]       // 1 Jan 2023 is a Sunday
    [InlineData("2028-01-03", "New Year’s Day")]
    public void Substitute_days_are_holidays(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        var holiday = Calendar.BankHolidayOn(D(date));
        Assert.NotNull(holiday);
        Assert.Equal(title, holiday.Title);
        Assert.True(holiday.IsSubstituteDay);
    }

    [Theory]
    [InlineData("2026-12-26")]
    [InlineData("2026-12-27")]
    [InlineData("2021-12-25")]
    [InlineData("2022-01-01")]
    public void The_weekend_day_a_substitute_replaces_is_not_listed_but_is_not_a_working_day_either(string date)
    {
        Assert.Null(Calendar.BankHolidayOn(D(date)));
        Assert.False(Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void One_off_days_are_holidays(string date, string title)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
        Assert.Equal(title, Calendar.BankHolidayOn(D(date))?.Title);
    }

    [Theory]
    [InlineData("2020-05-04")]   // the usual first Monday in May, moved to VE day in 2020
    [InlineData("2022-05-30")]   // the usual last Monday in May, moved to 2 June in 2022
    [InlineData("2023-05-09")]
    [InlineData("2022-09-20")]
    public void The_days_a_one_off_displaced_or_neighbours_are_working_days(string date) =>
        Assert.True(Calendar.IsWorkingDay(D(date)));

    public static TheoryData<int> CoveredYears() => [.. Enumerable.Range(2018, 11)];

    [Theory]
    [MemberData(nameof(CoveredYears))]
    public void Good_Friday_and_Easter_Monday_match_the_computed_Easter(int year)
    {
        var easter = EnglandAndWalesRules.EasterSunday(year);
        Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
        Assert.Equal("Good Friday", Calendar.BankHolidayOn(easter.AddDays(-2))?.Title);
        Assert.Equal("Easter Monday", Calendar.BankHolidayOn(easter.AddDays(1))?.Title);
        Assert.False(Calendar.IsWorkingDay(easter.AddDays(-2)));
        Assert.False(Calendar.IsWorkingDay(easter.AddDays(1)));
        Assert.True(Calendar.IsWorkingDay(easter.AddDays(-3)));   // Maundy Thursday works
        Assert.True(Calendar.IsWorkingDay(easter.AddDays(2)));    // so does the Tuesday after
        Assert.Equal(easter.AddDays(2), Calendar.AddWorkingDays(easter.AddDays(-3), 1));
        Assert.Equal(2, Calendar.HolidayList.Holidays.Count(h => h.Date.Year == year && h.Title is "Good Friday" or "Easter Monday"
            && h.Date >= easter.AddDays(-2) && h.Date <= easter.AddDays(1)));
    }

    [Fact]
    public void The_computed_Easter_agrees_with_known_dates()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), EnglandAndWalesRules.EasterSunday(2026));
        Assert.Equal(new DateOnly(2019, 4, 21), EnglandAndWalesRules.EasterSunday(2019));
        Assert.Equal(new DateOnly(2027, 3, 28), EnglandAndWalesRules.EasterSunday(2027));
        Assert.Equal(new DateOnly(2038, 4, 25), EnglandAndWalesRules.EasterSunday(2038));   // the latest possible
        Assert.Equal(new DateOnly(2285, 3, 22), EnglandAndWalesRules.EasterSunday(2285));   // the earliest possible
    }

    [Theory]
    // Ordinary weeks
    [InlineData("2026-11-06", 1, "2026-11-09")]    // Friday + 1 = Monday
    [InlineData("2026-11-09", -1, "2026-11-06")]   // Monday - 1 = Friday
    [InlineData("2026-11-07", 1, "2026-11-09")]    // Saturday + 1 = Monday
    [InlineData("2026-11-08", -1, "2026-11-06")]   // Sunday - 1 = Friday
    [InlineData("2026-11-07", 0, "2026-11-07")]    // adding 0 to a Saturday leaves it alone
    [InlineData("2026-11-09", 5, "2026-11-16")]
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-07", -1, "2026-04-02")]
    [InlineData("2026-03-30", 5, "2026-04-08")]
    [InlineData("2026-04-08", -5, "2026-03-30")]
    [InlineData("2026-04-04", 1, "2026-04-07")]
    [InlineData("2026-04-04", -1, "2026-04-02")]
    [InlineData("2026-04-03", 0, "2026-04-03")]
    [InlineData("2026-04-03", 1, "2026-04-07")]
    [InlineData("2026-04-06", -1, "2026-04-02")]
    // Christmas 2026: 25 December a Friday, 28 December the substitute Boxing Day, 1 January 2027 a Friday
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-29", -1, "2026-12-24")]
    [InlineData("2026-12-18", 10, "2027-01-06")]
    [InlineData("2027-01-04", -5, "2026-12-23")]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2026-12-25", 0, "2026-12-25")]
    // One-off days
    [InlineData("2020-05-07", 1, "2020-05-11")]   // VE day, Friday 8 May 2020
    [InlineData("2020-05-01", 1, "2020-05-04")]   // ... while 4 May 2020 was an ordinary Monday
    [InlineData("2022-06-01", 1, "2022-06-06")]   // 2 and 3 June 2022
    [InlineData("2022-06-06", -1, "2022-06-01")]
    [InlineData("2022-09-16", 1, "2022-09-20")]   // the State Funeral, Monday 19 September 2022
    [InlineData("2022-09-20", -1, "2022-09-16")]
    [InlineData("2023-05-05", 1, "2023-05-09")]   // the coronation, Monday 8 May 2023
    [InlineData("2023-04-28", 2, "2023-05-03")]   // ... a week after the Early May bank holiday, 1 May 2023
    public void AddWorkingDays_worked_examples(string from, int n, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), n));

    [Theory]
    [InlineData("2026-11-09", "2026-11-13", 4)]    // Monday to Friday of the same week
    [InlineData("2026-11-06", "2026-11-09", 1)]    // Friday to Monday
    [InlineData("2026-11-07", "2026-11-08", 0)]    // Saturday to Sunday
    [InlineData("2026-11-09", "2026-11-09", 0)]
    [InlineData("2026-11-13", "2026-11-09", -4)]
    [InlineData("2026-03-30", "2026-04-10", 7)]    // across Easter 2026
    [InlineData("2026-04-02", "2026-04-07", 1)]
    [InlineData("2026-04-02", "2026-04-06", 0)]
    [InlineData("2026-04-10", "2026-03-30", -7)]
    [InlineData("2026-12-24", "2027-01-04", 4)]    // across Christmas 2026 and New Year 2027
    [InlineData("2026-12-01", "2027-01-08", 25)]
    [InlineData("2027-01-04", "2026-12-24", -4)]
    [InlineData("2020-05-01", "2020-05-15", 9)]    // VE day
    [InlineData("2022-05-27", "2022-06-10", 8)]    // 2 and 3 June 2022
    [InlineData("2022-09-12", "2022-09-23", 8)]    // 19 September 2022
    [InlineData("2023-04-28", "2023-05-12", 8)]    // 1 and 8 May 2023
    [InlineData("2018-01-01", "2028-12-31", 2779)] // the whole list: 2870 weekdays less 91 holidays
    public void WorkingDaysBetween_worked_examples(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void The_whole_covered_range_has_as_many_working_days_as_weekdays_less_holidays()
    {
        var weekdays = 0;
        for (var day = new DateOnly(2018, 1, 2); day <= new DateOnly(2028, 12, 31); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) weekdays++;
        }

        // (1 Jan 2018, 31 Dec 2028]: 1 Jan 2018 itself is excluded, and it is a holiday anyway.
        Assert.Equal(weekdays - 90, Calendar.WorkingDaysBetween(new DateOnly(2018, 1, 1), new DateOnly(2028, 12, 31)));
    }

    [Theory]
    [InlineData("2026-04-03", "2026-04-07", "2026-04-02")]
    [InlineData("2026-04-04", "2026-04-07", "2026-04-02")]
    [InlineData("2026-04-07", "2026-04-07", "2026-04-07")]
    [InlineData("2026-12-25", "2026-12-29", "2026-12-24")]
    [InlineData("2026-12-28", "2026-12-29", "2026-12-24")]
    [InlineData("2022-06-04", "2022-06-06", "2022-06-01")]
    public void Next_and_previous_working_day(string date, string next, string previous)
    {
        Assert.Equal(D(next), Calendar.NextWorkingDayOnOrAfter(D(date)));
        Assert.Equal(D(previous), Calendar.PreviousWorkingDayOnOrBefore(D(date)));
    }

    [Fact]
    public void Every_day_of_every_covered_year_agrees_with_the_day_by_day_reference()
    {
        var first = new DateOnly(2018, 1, 1);
        var last = new DateOnly(2028, 12, 31);
        var cumulative = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day > first && Naive.IsWorkingDay(day)) cumulative++;
            Assert.Equal(Naive.IsWorkingDay(day), Calendar.IsWorkingDay(day));
            Assert.Equal(cumulative, Calendar.WorkingDaysBetween(first, day));
            Assert.Equal(-cumulative, Calendar.WorkingDaysBetween(day, first));
            for (var n = -30; n <= 30; n++)
            {
                var expected = Naive.AddWorkingDays(day, n);
                if (expected < first || expected > last)
                    Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(day, n));
                else
                    Assert.Equal(expected, Calendar.AddWorkingDays(day, n));
            }
        }
    }

    [Fact]
    public void Dates_outside_the_covered_years_are_refused_not_guessed()
    {
        Assert.True(Calendar.Covers(new DateOnly(2018, 1, 1)));
        Assert.True(Calendar.Covers(new DateOnly(2028, 12, 31)));
        Assert.False(Calendar.Covers(new DateOnly(2017, 12, 31)));
        Assert.False(Calendar.Covers(new DateOnly(2029, 1, 1)));
        Assert.Equal((2018, 2028), (Calendar.FirstYear, Calendar.LastYear));

        var after = Assert.Throws<DateNotCoveredException>(() => Calendar.IsWorkingDay(new DateOnly(2029, 1, 2)));
        Assert.Equal("Working days after 31 December 2028 cannot be worked out: the bank holiday list covers 2018 to 2028. "
                     + "An administrator can upload a newer list from GOV.UK.", after.Message);
        Assert.Equal(new DateOnly(2029, 1, 2), after.Date);

        var before = Assert.Throws<DateNotCoveredException>(() => Calendar.IsWorkingDay(new DateOnly(2017, 12, 29)));
        Assert.StartsWith("Working days before 1 January 2018 cannot be worked out", before.Message, StringComparison.Ordinal);

        // The start is covered but the answer is not: 28 Dec 2028 + 3 lands in 2029.
        Assert.Equal(new DateOnly(2028, 12, 29), Calendar.AddWorkingDays(new DateOnly(2028, 12, 28), 1));
        Assert.Equal(new DateOnly(2029, 1, 1), Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(new DateOnly(2028, 12, 28), 2)).Date);
        Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(new DateOnly(2018, 1, 2), -1));   // 1 Jan 2018 is a holiday
        Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 1, 1), int.MaxValue));
        Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 1, 1), int.MinValue));
        Assert.Throws<DateNotCoveredException>(() => Calendar.AddWorkingDays(DateOnly.MaxValue, 0));
        Assert.Throws<DateNotCoveredException>(() => Calendar.WorkingDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2029, 6, 1)));
        Assert.Throws<DateNotCoveredException>(() => Calendar.NextWorkingDayOnOrAfter(new DateOnly(2028, 12, 30)));   // Saturday; next is in 2029
        Assert.Null(Calendar.BankHolidayOn(new DateOnly(2029, 1, 1)));   // a lookup, not arithmetic: unknown is null
    }

    [Fact]
    public void A_calendar_with_a_single_year_and_no_holidays_counts_weekdays_only()
    {
        var calendar = new WorkingDayCalendar(new BankHolidayList("none", [], 2030, 2030));
        Assert.Equal(260, calendar.WorkingDaysBetween(new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31)));   // 261 weekdays, 1 Jan excluded
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
        Assert.Contains("covers 2030 only", Assert.Throws<DateNotCoveredException>(() => calendar.IsWorkingDay(new DateOnly(2031, 1, 1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_holiday_listed_on_a_weekend_is_not_counted_twice()
    {
        var calendar = new WorkingDayCalendar(new BankHolidayList("odd", [new BankHoliday(new DateOnly(2030, 1, 5), "A Saturday holiday")], 2030, 2030));
        Assert.Equal("A Saturday holiday", calendar.BankHolidayOn(new DateOnly(2030, 1, 5))?.Title);
        Assert.Equal(5, calendar.WorkingDaysBetween(new DateOnly(2030, 1, 4), new DateOnly(2030, 1, 11)));
        Assert.Equal(new DateOnly(2030, 1, 7), calendar.AddWorkingDays(new DateOnly(2030, 1, 4), 1));
    }

    [Fact]
    public void The_shipped_calendar_is_one_shared_instance() =>
        Assert.Same(WorkingDayCalendar.EnglandAndWales(), WorkingDayCalendar.EnglandAndWales());

    [Fact]
    public void The_calendar_is_safe_to_share_between_threads()
    {
        var calendar = new WorkingDayCalendar(BankHolidays.EnglandAndWales());
        Parallel.For(0, 2000, i =>
        {
            var day = new DateOnly(2019, 1, 1).AddDays(i);
            var n = i % 200 - 100;
            Assert.Equal(Naive.AddWorkingDays(day, n), calendar.AddWorkingDays(day, n));
        });
    }
}
