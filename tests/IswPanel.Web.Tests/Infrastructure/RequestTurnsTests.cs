using IswPanel.Web.Infrastructure.Pipeline;

namespace IswPanel.Web.Tests.Infrastructure;

/// <summary>Racers for one request in one process take turns in memory; an assignment ends the line for everyone.</summary>
public sealed class RequestTurnsTests
{
    private static readonly TimeSpan Briefly = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task The_second_waits_for_the_first_and_is_told_when_it_assigned_the_request()
    {
        var turns = new RequestTurns();
        var request = Guid.NewGuid();
        var first = await turns.WaitAsync(request, TestContext.Current.CancellationToken);
        Assert.NotNull(first);

        var second = turns.WaitAsync(request, TestContext.Current.CancellationToken);
        var third = turns.WaitAsync(request, TestContext.Current.CancellationToken);
        await Task.Delay(Briefly, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted, "The second went ahead while the first held the request.");

        first.End(assigned: true);
        Assert.Null(await second);
        Assert.Null(await third);
        Assert.Equal(0, turns.Lines);
    }

    [Fact]
    public async Task When_the_first_gives_up_the_next_in_line_goes_ahead_alone()
    {
        var turns = new RequestTurns();
        var request = Guid.NewGuid();
        var first = await turns.WaitAsync(request, TestContext.Current.CancellationToken);
        var second = turns.WaitAsync(request, TestContext.Current.CancellationToken);
        var third = turns.WaitAsync(request, TestContext.Current.CancellationToken);

        first!.End(assigned: false);
        var next = await Task.WhenAny(second, third);
        Assert.NotNull(await next);
        var other = next == second ? third : second;
        await Task.Delay(Briefly, TestContext.Current.CancellationToken);
        Assert.False(other.IsCompleted, "Two went ahead at once.");

        (await next)!.End(assigned: false);
        var last = await other;
        Assert.NotNull(last);
        last.End(assigned: false);
        Assert.Equal(0, turns.Lines);
    }

    [Fact]
    public async Task Different_requests_do_not_wait_for_each_other_and_ending_twice_changes_nothing()
    {
        var turns = new RequestTurns();
        var one = await turns.WaitAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);
        var other = await turns.WaitAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);
        Assert.NotNull(one);
        Assert.NotNull(other);
        Assert.Equal(2, turns.Lines);

        one.End(assigned: true);
        one.End(assigned: false);
        other.End(assigned: false);
        Assert.Equal(0, turns.Lines);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_the_line()
    {
        var turns = new RequestTurns();
        var request = Guid.NewGuid();
        var first = await turns.WaitAsync(request, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = turns.WaitAsync(request, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first!.End(assigned: false);
        Assert.Equal(0, turns.Lines);
    }
}
