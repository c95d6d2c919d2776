using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Outbox;

/// <summary>
/// "Try again" on a given-up email: its tries start again from none and its dispatch claim is given back, so the
/// dispatcher (started as soon as this is saved) hands it to one new delivery job. Two clicks at once try it once:
/// the second finds the claim already gone and is refused.
/// </summary>
public static class RetryEmail
{
    public sealed record Command(Guid Id) : ICommand<Result<Done>>;

    public sealed class Handler(AppDbContext db, EmailOutbox outbox, IAuditLog audit) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken);
            if (email is null) return Failure.NotFound;
            if (email.SentAt is not null || email.GaveUpAt is null) return Failure.Conflict("This email is not waiting to be tried again: it has been sent, or is being tried already.");

            email.GaveUpAt = null;
            email.Attempts = 0;
            var key = DispatchOutbox.QueuedKey(email.Id);
            if (await db.JobEffects.SingleOrDefaultAsync(e => e.Key == key, cancellationToken) is { } claim) db.JobEffects.Remove(claim);
            outbox.DispatchWhenSaved(email);
            audit.Add(AuditActions.EmailRetried, nameof(OutboxEmail), email.Id.ToString());
            return Done.Value;
        }
    }
}
