using System.Text.RegularExpressions;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>Question page: the applicant's name (prefilled from the account) and phone number.</summary>
public static partial class SaveContact
{
    public sealed record Load : IQuery<Command>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public string? FullName { get; init; }
        public string? Phone { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter your full name.")
                .MaximumLength(200).WithMessage("Your full name must be 200 characters or fewer.");
            RuleFor(c => c.Phone).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your phone number.")
                .Must(IsPhoneNumber).WithMessage("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192.");
        }
    }

    /// <summary>UK or international: digits with optional spaces, brackets, dashes and a leading +; 10 to 15 digits.</summary>
    public static bool IsPhoneNumber(string? phone) =>
        phone is not null && PhonePattern().IsMatch(phone.Trim()) && phone.Count(char.IsAsciiDigit) is >= 10 and <= 15;

    [GeneratedRegex(@"^\+?[0-9 ()\-]{10,25}$")]
    private static partial Regex PhonePattern();

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken)
        {
            var answers = await ApplicationStore.ReadAsync(db, me, cancellationToken);
            return answers.Contact is { } contact
                ? new Command { FullName = contact.FullName, Phone = contact.Phone }
                : new Command { FullName = me.DisplayName };
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Contact = new(command.FullName!.Trim(), command.Phone!.Trim()) }, cancellationToken));
    }
}
