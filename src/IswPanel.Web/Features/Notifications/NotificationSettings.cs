using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Notifications;

/// <summary>
/// How the signed-in user gets each category of notification by email: at once (the default) or in one email each
/// morning. Safety-critical categories (<see cref="NotificationCategories.AlwaysImmediate"/>) are always emailed at
/// once and are not offered.
/// </summary>
public static class NotificationSettings
{
    public sealed record Query : IQuery<Command>;

    /// <summary>The form, and the command it sends: one choice per category the user may change.</summary>
    public sealed record Command : ICommand<Result<Done>>
    {
        public List<Choice> Choices { get; init; } = [];
    }

    public sealed record Choice
    {
        public string? Category { get; init; }
        public EmailDelivery? Delivery { get; init; }
    }

    /// <summary>The categories a user may put in the daily digest.</summary>
    public static IReadOnlyList<string> Changeable { get; } =
        [.. NotificationCategories.All.Where(c => !NotificationCategories.AlwaysImmediate.Contains(c))];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Choices).ChildRules(choice =>
            {
                choice.RuleFor(c => c.Category).Must(c => c is not null && NotificationCategories.All.Contains(c))
                    .WithMessage("Choose from the kinds of notification listed.");
                choice.RuleFor(c => c.Delivery).NotNull()
                    .WithMessage(c => $"Select how you want emails about {Lower(c.Category)}.");
                choice.RuleFor(c => c.Delivery).Must(d => d != EmailDelivery.DailyDigest)
                    .When(c => c.Category is not null && NotificationCategories.AlwaysImmediate.Contains(c.Category))
                    .WithMessage(c => $"{NotificationCategories.DisplayName(c.Category!)} are safety-critical, so they are always emailed at once.");
            });
            RuleFor(c => c.Choices).Must(choices => choices.Select(c => c.Category).Distinct().Count() == choices.Count)
                .WithMessage("Choose once for each kind of notification.");
        }

        private static string Lower(string? category) =>
            category is null ? "this" : NotificationCategories.DisplayName(category).ToLowerInvariant();
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken cancellationToken)
        {
            var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me.UserId)
                .ToDictionaryAsync(p => p.Category, p => p.Delivery, cancellationToken);
            return new Command
            {
                Choices = [.. Changeable.Select(c => new Choice { Category = c, Delivery = chosen.GetValueOrDefault(c, EmailDelivery.Immediate) })],
            };
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } userId) return Failure.NotFound;
            var saved = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, cancellationToken);
            foreach (var choice in command.Choices)
            {
                if (saved.TryGetValue(choice.Category!, out var preference))
                    preference.Delivery = choice.Delivery!.Value;
                else
                    db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Category = choice.Category!, Delivery = choice.Delivery!.Value });
            }

            return Done.Value;
        }
    }
}
