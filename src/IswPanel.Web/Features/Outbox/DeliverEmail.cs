using Hangfire;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Outbox;

/// <summary>
/// Sends one outbox email and marks it sent in the same unit of work, right after the mail server accepted it, so a
/// retried job never sends a marked email again. A failed try is recorded (attempts, last error); after the last
/// allowed try the email is given up and shown on the administrators' page.
/// </summary>
public static class DeliverEmail
{
    /// <summary>The most retries <see cref="OutboxOptions.Retries"/> may ask for: the delivery job's retry attribute allows this many.</summary>
    public const int MaxRetries = 10;

    public sealed record Command(Guid EmailId) : ICommand<Result<Attempt>>;

    public enum Outcome
    {
        Sent,
        AlreadyDone,
        Failed,
        GaveUp,
    }

    public sealed record Attempt(Outcome Outcome, string? Error = null);

    public sealed class Handler(AppDbContext db, IEmailSender sender, IClock clock, IOptions<OutboxOptions> options)
        : ICommandHandler<Command, Result<Attempt>>
    {
        public async ValueTask<Result<Attempt>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == command.EmailId, cancellationToken);
            if (email is null) return Failure.NotFound;
            if (email.SentAt is not null || email.GaveUpAt is not null) return new Attempt(Outcome.AlreadyDone);

            email.Attempts++;
            try
            {
                await sender.SendAsync(new EmailMessage(email.To, email.ToName, email.Subject, email.Body), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A cancelled try (the server shutting down) records nothing, like a killed one: the retry starts afresh.
                var error = $"{failure.GetType().Name}: {failure.Message}";
                email.LastError = error.Length > 1000 ? error[..1000] : error;
                if (email.Attempts < options.Value.MaxAttempts) return new Attempt(Outcome.Failed, email.LastError);
                email.GaveUpAt = clock.UtcNow;
                return new Attempt(Outcome.GaveUp, email.LastError);
            }

            email.SentAt = clock.UtcNow;
            return new Attempt(Outcome.Sent);
        }
    }
}

/// <summary>A try failed; Hangfire retries the job later with back-off.</summary>
public sealed class EmailDeliveryFailedException(string message) : Exception(message);

/// <summary>The last allowed try failed; the email waits on /admin/email for an administrator, so Hangfire does not retry.</summary>
public sealed class EmailGivenUpException(string message) : Exception(message);

/// <summary>
/// The Hangfire job for one email, enqueued once per email by <see cref="DispatchOutboxJob"/>. Failures are retried
/// with back-off (1, 5, 15, 30 minutes, then an hour and more); how many is <see cref="OutboxOptions.Retries"/>.
/// </summary>
public sealed class DeliverEmailJob(IMediator mediator)
{
    [JobDisplayName("Deliver email {0}")]
    [AutomaticRetry(Attempts = DeliverEmail.MaxRetries, DelaysInSeconds = [60, 300, 900, 1800, 3600, 3600, 7200, 7200, 14400, 14400],
        ExceptOn = [typeof(EmailGivenUpException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new DeliverEmail.Command(emailId), cancellationToken);
        if (result.Status == ResultStatus.NotFound) return; // deleted with its user: nothing to send
        if (!result.IsSuccess) throw new EmailDeliveryFailedException($"Delivery of email {emailId} could not be recorded: {result.Status}.");
        switch (result.Value!.Outcome)
        {
            case DeliverEmail.Outcome.Failed:
                throw new EmailDeliveryFailedException($"Email {emailId} was not sent: {result.Value.Error}");
            case DeliverEmail.Outcome.GaveUp:
                throw new EmailGivenUpException($"Email {emailId} was not sent after its last try: {result.Value.Error}");
        }
    }
}
