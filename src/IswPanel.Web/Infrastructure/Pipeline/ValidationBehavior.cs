using FluentValidation;
using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Runs the message's validators before its handler, and turns a broken domain rule thrown by the
/// handler into an Invalid result, so pages and the API show both the same way.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>>? errors = null;
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in outcome.Errors)
            {
                errors ??= [];
                if (!errors.TryGetValue(failure.PropertyName, out var list)) errors[failure.PropertyName] = list = [];
                if (!list.Contains(failure.ErrorMessage)) list.Add(failure.ErrorMessage);
            }
        }

        if (errors is not null)
            return TResponse.Failure(ResultStatus.Invalid, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainException rule)
        {
            return TResponse.Failure(ResultStatus.Invalid, new Dictionary<string, string[]> { [rule.Field ?? ""] = [rule.Message] });
        }
    }
}
