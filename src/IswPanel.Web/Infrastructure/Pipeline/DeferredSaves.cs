namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Scoped. While <see cref="Active"/>, <see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> leaves a successful
/// command's changes tracked instead of saving them, so that whoever set it (a sweep's batch: many commands in one
/// scope) saves them all together in one SaveChanges. A failed command still clears the change tracker, which throws
/// away the commands before it too: the caller must then abandon the whole group and run each command on its own.
/// </summary>
public sealed class DeferredSaves
{
    public bool Active { get; set; }
}
