using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Calendar;

/// <summary>
/// The signed-in person's calendar-feed address. Only the secret's hash is kept, so the address can be shown once,
/// when it is made; after that the page says a link exists and offers to reset it. Making a new one (the first time,
/// or a reset) replaces the hash, so the old address stops working at once.
/// </summary>
public static class CalendarLink
{
    public sealed record Query : IQuery<Result<Page>>;

    /// <summary>Makes a new secret address, replacing any earlier one.</summary>
    public sealed record Command : ICommand<Result<Page>>;

    /// <param name="HasLink">Whether an address exists (it may have been shown before).</param>
    /// <param name="Url">The new address: set only in the answer to <see cref="Command"/>.</param>
    /// <param name="Reset">Whether the new address replaced an earlier one.</param>
    public sealed record Page(bool HasLink, string? Url = null, bool Reset = false);

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = await db.Users.AsNoTracking().Where(u => u.Id == me.UserId).Select(u => new { u.CalendarFeedSecretHash })
                .SingleOrDefaultAsync(cancellationToken);
            if (hash is null) return Failure.NotFound;
            return new Page(hash.CalendarFeedSecretHash is not null);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit, PublicLinks links) : ICommandHandler<Command, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.UserId, cancellationToken);
            if (user is null) return Failure.NotFound;

            var reset = user.CalendarFeedSecretHash is not null;
            var secret = FeedSecrets.NewSecret();
            user.CalendarFeedSecretHash = FeedSecrets.Hash(secret);
            audit.Add(reset ? AuditActions.CalendarLinkReset : AuditActions.CalendarLinkCreated, "User", user.Id.ToString());
            return new Page(true, links.Absolute(PathFor(user.Id, secret)), reset);
        }
    }

    /// <summary>The feed's path: /calendar/{userId}/{secret}.ics.</summary>
    public static string PathFor(Guid userId, string secret) => $"/calendar/{userId}/{secret}.ics";
}
