using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Admin;

/// <summary>
/// A panel administrator disables an account (it can no longer sign in, and every session and API token of
/// it ends at once) or re-enables it. An administrator cannot disable their own account.
/// </summary>
public static class DisableUser
{
    public const string NotYourself = "You cannot disable your own account. Ask another panel administrator.";

    /// <summary>The confirmation page: who, and which way.</summary>
    public sealed record Load(Guid UserId, bool Disable) : IQuery<Result<Confirm>>;

    public sealed record Confirm(Guid UserId, string DisplayName, string Email, bool Disable, bool IsYourself);

    public sealed record Command(Guid UserId, bool Disable) : ICommand<Result<Done>>;

    public sealed class LoadHandler(UserManager<AppUser> users, ICurrentUser me) : IQueryHandler<Load, Result<Confirm>>
    {
        public async ValueTask<Result<Confirm>> Handle(Load query, CancellationToken cancellationToken) =>
            await users.FindByIdAsync(query.UserId.ToString()) is { } user && user.IsDisabled != query.Disable
                ? new Confirm(user.Id, user.DisplayName, user.Email ?? "", query.Disable, user.Id == me.UserId)
                : Failure.NotFound;
    }

    public sealed class Handler(UserManager<AppUser> users, ICurrentUser me, UserSessions sessions, IAuditLog audit)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user) return Failure.NotFound;
            if (command.Disable && user.Id == me.UserId) return Failure.Invalid("", NotYourself);
            if (user.IsDisabled == command.Disable) return Done.Value; // already so: posting twice changes nothing

            user.IsDisabled = command.Disable;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded) return Failure.Conflict(string.Join(" ", updated.Errors.Select(e => e.Description)));

            if (command.Disable)
            {
                // A new stamp kills any other Identity token (reset links); ending the sessions kills cookies and API tokens.
                await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(user.Id, SessionEndReasons.Disabled, cancellationToken);
            }

            audit.Add(command.Disable ? AuditActions.UserDisabled : AuditActions.UserEnabled, "User", user.Id.ToString());
            return Done.Value;
        }
    }
}
