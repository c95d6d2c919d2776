using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// What losing a race means for the command in hand, when "someone else changed this at the same time" would not
/// say it: a handler that relies on a unique index to hold a rule (the last seat of a session) says here which
/// failure the user sees if the save breaks it, and <see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> answers with it.
/// One per scope, so per request.
/// </summary>
public sealed class LostRace
{
    public Failure? Meaning { get; private set; }

    public void Means(Failure failure) => Meaning = failure;

    /// <summary>A new command starts: what the last one said does not carry over.</summary>
    public void Forget() => Meaning = null;
}
