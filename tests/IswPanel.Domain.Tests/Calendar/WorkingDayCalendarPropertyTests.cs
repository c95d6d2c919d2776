using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Calendar;

namespace IswPanel.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarPropertyTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();
    private static readonly NaiveCalendar Naive = new(BankHolidays.EnglandAndWales());
    private static readonly Config Thorough = Config.QuickThrowOnFailure.WithMaxTest(2000);

    // Start dates from which ±500 working days (about two calendar years) stay inside 2018-2028.
    private static readonly DateOnly EarliestStart = new(2020, 3, 1);
    private static readonly DateOnly LatestStart = new(2026, 10, 31);

    private static Gen<DateOnly> AnyStart() =>
        Gen.Choose(0, LatestStart.DayNumber - EarliestStart.DayNumber).Select(offset => EarliestStart.AddDays(offset));

    private static Gen<DateOnly> WorkingStart() => AnyStart().Where(Naive.IsWorkingDay);

    private static Gen<int> Steps() => Gen.Choose(-500, 500);

    private static Arbitrary<(DateOnly Day, int N)> Moves(Gen<DateOnly> starts) =>
        (from day in starts
         from n in Steps()
         select (day, n)).ToArbitrary();

    [Fact]
    public void Adding_n_working_days_to_a_working_day_then_counting_gives_n_back() =>
        Check.One(Thorough, Prop.ForAll(Moves(WorkingStart()), move =>
            Calendar.WorkingDaysBetween(move.Day, Calendar.AddWorkingDays(move.Day, move.N)) == move.N));

    [Fact]
    public void Adding_a_nonzero_number_of_working_days_always_lands_on_a_working_day() =>
        Check.One(Thorough, Prop.ForAll(Moves(AnyStart()), move =>
        {
            var result = Calendar.AddWorkingDays(move.Day, move.N);
            return move.N == 0
                ? result == move.Day
                : Naive.IsWorkingDay(result) && Calendar.IsWorkingDay(result) && (move.N > 0 ? result > move.Day : result < move.Day);
        }));

    [Fact]
    public void AddWorkingDays_agrees_with_the_day_by_day_reference() =>
        Check.One(Thorough, Prop.ForAll(Moves(AnyStart()), move =>
            Calendar.AddWorkingDays(move.Day, move.N) == Naive.AddWorkingDays(move.Day, move.N)));

    [Fact]
    public void WorkingDaysBetween_agrees_with_the_day_by_day_reference_and_is_antisymmetric() =>
        Check.One(Thorough, Prop.ForAll(
            (from a in AnyStart() from b in AnyStart() select (a, b)).ToArbitrary(),
            pair =>
            {
                var count = Calendar.WorkingDaysBetween(pair.a, pair.b);
                return count == Naive.WorkingDaysBetween(pair.a, pair.b)
                       && count == -Calendar.WorkingDaysBetween(pair.b, pair.a);
            }));

    [Fact]
    public void Counting_is_additive_over_any_three_dates() =>
        Check.One(Thorough, Prop.ForAll(
            (from a in AnyStart() from b in AnyStart() from c in AnyStart() select (a, b, c)).ToArbitrary(),
            t => Calendar.WorkingDaysBetween(t.a, t.b) + Calendar.WorkingDaysBetween(t.b, t.c) == Calendar.WorkingDaysBetween(t.a, t.c)));

    [Fact]
    public void Next_and_previous_working_day_agree_with_the_reference() =>
        Check.One(Thorough, Prop.ForAll(AnyStart().ToArbitrary(), day =>
        {
            var next = day;
            while (!Naive.IsWorkingDay(next)) next = next.AddDays(1);
            var previous = day;
            while (!Naive.IsWorkingDay(previous)) previous = previous.AddDays(-1);
            return Calendar.NextWorkingDayOnOrAfter(day) == next && Calendar.PreviousWorkingDayOnOrBefore(day) == previous;
        }));

    // Stress the holiday arithmetic with dense, clustered, random holiday lists (including weekend dates and
    // whole runs of consecutive holidays), far beyond anything GOV.UK publishes.
    private static Arbitrary<(int[] Offsets, int Start, int N)> RandomCalendars() =>
        (from count in Gen.Choose(0, 300)
         from offsets in Gen.ArrayOf(Gen.Choose(0, 3 * 365), count)
         from start in Gen.Choose(400, 700)
         from n in Gen.Choose(-250, 250)
         select (offsets, start, n)).ToArbitrary();

    [Fact]
    public void A_dense_random_holiday_list_gives_the_same_answers_as_the_reference() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(RandomCalendars(), sample =>
        {
            var origin = new DateOnly(2030, 1, 1);
            var dates = sample.Offsets.Distinct().Select(origin.AddDays).ToArray();
            var list = new BankHolidayList("random", dates.Select(d => new BankHoliday(d, "Random")), 2030, 2032);
            var calendar = new WorkingDayCalendar(list);
            var naive = new NaiveCalendar(dates);
            var day = origin.AddDays(sample.Start);

            DateOnly? expected = naive.AddWorkingDays(day, sample.N) is var r && calendar.Covers(r) ? r : null;
            DateOnly? actual;
            try
            {
                actual = calendar.AddWorkingDays(day, sample.N);
            }
            catch (DateNotCoveredException)
            {
                actual = null;
            }

            var end = origin.AddDays(sample.Start + sample.N);
            return actual == expected
                   && calendar.IsWorkingDay(day) == naive.IsWorkingDay(day)
                   && calendar.WorkingDaysBetween(day, end) == naive.WorkingDaysBetween(day, end);
        }));
}
