using IswPanel.Data;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Commands change state; this saves what their handler changed, once, only when it succeeded.
/// Handlers never call SaveChanges themselves. A lost optimistic-concurrency race becomes a Conflict.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(AppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            // A handler that throws (a broken domain rule, say) may have changed tracked entities halfway;
            // nothing saved later in this scope may carry those changes.
            db.ChangeTracker.Clear();
            throw;
        }

        if (!response.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return response;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TResponse.Failure(ResultStatus.Conflict, new Dictionary<string, string[]>
            {
                [""] = ["Someone else changed this record at the same time. Reload the page and try again."],
            });
        }
    }
}
