using IswPanel.Domain.Assessments;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// Requests, from three years ago to now: when each was made is drawn first (a little more work each year), then each
/// is lived through in order (<see cref="RequestRun"/>), stopping at now, so its state today is wherever its story
/// has reached. A few requests are "pinned" near now and retried until they land in a short-lived state (offered,
/// in QA...), so every state of the lifecycle occurs at any scale.
/// </summary>
internal sealed partial class ScaleWorld
{
    /// <summary>How often each type is asked for, in catalogue order (viability, parenting, PAMS, connected person,
    /// special guardianship, fostering, adoption, discharge, specialist risk).</summary>
    private static readonly double[] TypeWeights = [18, 25, 6, 12, 14, 8, 6, 6, 5];

    private double[] authorityWeights = [];

    private void MakeRequests()
    {
        var rng = new SeededRandom(options.Seed, "requests");
        authorityWeights = [.. authorities.Select(a => a.Weight)];
        var pinned = Pinned(options.Requests);
        var normal = options.Requests - pinned.Count;

        // Creation times: three years back to now, 30% more at the end than at the start, mostly on working days.
        var start = now.AddYears(-3);
        var span = (now - start).Ticks;
        var times = new DateTime[normal];
        for (var i = 0; i < normal; i++)
        {
            var x = GrowingFraction(rng.NextDouble());
            var at = new DateTime(start.Ticks + (long)(x * span), DateTimeKind.Utc);
            var day = Day(at);
            if (!calendar.IsWorkingDay(day) && rng.Chance(0.92)) day = NextWorkingDay(day);
            times[i] = WorkTime(day, rng);
            if (times[i] >= now) times[i] = now.AddMinutes(-rng.Between(5, 600));
        }
        Array.Sort(times);

        var batch = new Batch();
        for (var i = 0; i < normal; i++)
        {
            var run = new RequestRun(this, rng, batch, times[i], target: null);
            run.Live();
            Commit(run);
            if (i % 500 == 0) ForgetLoadsBefore(times[i].AddDays(-200));
            if (batch.RequestCount >= options.BatchSize)
            {
                sink("requests", batch);
                batch = new Batch();
            }
        }

        foreach (var target in pinned)
        {
            RequestRun? run = null;
            for (var attempt = 0; attempt < 400; attempt++)
            {
                var mark = batch.Mark();
                run = new RequestRun(this, rng, batch, PinnedCreation(target, rng), target);
                run.Live();
                if (run.Request.Status == target) break;
                batch.Rollback(mark);
                run = null;
            }
            if (run is not null) Commit(run);
            else
            {
                // Could not land there (a very small panel, say): an ordinary recent request instead.
                var fallback = new RequestRun(this, rng, batch, now.AddHours(-rng.Between(2, 200)), target: null);
                fallback.Live();
                Commit(fallback);
            }
        }
        if (batch.RequestCount > 0) sink("requests", batch);
    }

    /// <summary>Inverse of the cumulative share for a density rising linearly from 0.85 to 1.15 over the period.</summary>
    private static double GrowingFraction(double u)
    {
        const double a = 0.85, b = 0.30;
        return (-a + Math.Sqrt(a * a + 2 * b * u * (a + b / 2))) / b;
    }

    /// <summary>The states pinned near now, rarest first, so even a small run has every state.</summary>
    private static List<AssessmentRequestStatus> Pinned(int requests)
    {
        AssessmentRequestStatus[] order =
        [
            AssessmentRequestStatus.Offered, AssessmentRequestStatus.InQa, AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Assigned,
            AssessmentRequestStatus.Draft, AssessmentRequestStatus.Cancelled, AssessmentRequestStatus.Delivered, AssessmentRequestStatus.InProgress,
            AssessmentRequestStatus.Closed, AssessmentRequestStatus.Offered, AssessmentRequestStatus.InQa, AssessmentRequestStatus.Submitted,
            AssessmentRequestStatus.Assigned, AssessmentRequestStatus.Draft,
        ];
        return [.. order.Take(Math.Min(requests, order.Length))];
    }

    private DateTime PinnedCreation(AssessmentRequestStatus target, SeededRandom rng)
    {
        var (minHours, maxHours) = target switch
        {
            AssessmentRequestStatus.Draft => (1, 48),
            AssessmentRequestStatus.Submitted => (2, 72),
            AssessmentRequestStatus.Offered => (6, 150),
            AssessmentRequestStatus.Assigned => (48, 500),
            AssessmentRequestStatus.InProgress => (400, 2000),
            AssessmentRequestStatus.InQa => (500, 3600),
            AssessmentRequestStatus.Delivered => (1000, 5000),
            AssessmentRequestStatus.Closed => (1500, 4300),
            _ => (100, 4000),
        };
        var at = now.AddHours(-rng.Between(minHours, maxHours)).AddMinutes(-rng.Next(60));
        return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    private void Commit(RequestRun run)
    {
        foreach (var (isw, start, end) in run.Loads) isws[isw].Load.Add((start, end));
        var authority = run.Authority;
        if (run.NewCaseNumber is { } number) authority.CaseNumbers[run.CaseYear] = number;
        if (run.NewCaseNumber is not null && run.Request.Status != AssessmentRequestStatus.Draft)
        {
            authority.RecentCases.Add((run.Request.CaseReference, run.Request.ChildInitials, run.AssignedIsw));
            if (authority.RecentCases.Count > 40) authority.RecentCases.RemoveAt(0);
        }
        foreach (var shadower in run.NewShadowers) authority.Shadowers.Add(shadower);
        Seeded.SetVersion(run.Request, ids.Token());
        RequestStates[run.Request.Status] = RequestStates.GetValueOrDefault(run.Request.Status) + 1;
    }

    private void ForgetLoadsBefore(DateTime before)
    {
        foreach (var isw in isws) isw.Forget(before.Ticks);
    }
}
