namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Commands in this process racing for one request take turns here, in memory, before any of them goes to the database
/// (<see cref="RowLocks"/>). Only the one whose turn it is uses a connection; when it has assigned the request, everyone
/// still in line is told so at once, without a query. Other processes meet at the database's row lock as before.
/// B5: when 64 members accepted one request at once, each loser's lock statement, wait and rollback cost more CPU than
/// the winner's whole acceptance on two cores, and the winner shared the cores with them.
/// </summary>
public sealed class RequestTurns
{
    private readonly Dictionary<Guid, Line> lines = [];

    /// <summary>How many requests have someone in line: zero when nobody is racing (a line is dropped with its last member).</summary>
    internal int Lines
    {
        get
        {
            lock (lines) return lines.Count;
        }
    }

    /// <summary>Waits for this command's turn at the request. Null when the one before assigned it.</summary>
    public async Task<Turn?> WaitAsync(Guid requestId, CancellationToken cancellationToken)
    {
        Line line;
        lock (lines)
        {
            if (!lines.TryGetValue(requestId, out line!)) lines[requestId] = line = new Line();
            line.Members++;
        }

        try
        {
            await line.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(requestId, line);
            throw;
        }

        if (!line.Assigned) return new Turn(this, requestId, line);
        line.Gate.Release();
        Leave(requestId, line);
        return null;
    }

    private void Leave(Guid requestId, Line line)
    {
        lock (lines)
        {
            if (--line.Members == 0) lines.Remove(requestId);
        }
    }

    internal sealed class Line
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Guarded by the dictionary's lock.</summary>
        public int Members { get; set; }

        public volatile bool Assigned;
    }

    /// <summary>A command's turn at a request: ended once, when its unit of work has committed or given up.</summary>
    public sealed class Turn
    {
        private readonly RequestTurns turns;
        private readonly Guid requestId;
        private readonly Line line;
        private int ended;

        internal Turn(RequestTurns turns, Guid requestId, Line line) => (this.turns, this.requestId, this.line) = (turns, requestId, line);

        /// <summary>Hands the request on: to the next in line, or (if it is now assigned) to nobody, telling them all.</summary>
        public void End(bool assigned)
        {
            if (Interlocked.Exchange(ref ended, 1) == 1) return;
            if (assigned) line.Assigned = true;
            line.Gate.Release();
            turns.Leave(requestId, line);
        }
    }
}
