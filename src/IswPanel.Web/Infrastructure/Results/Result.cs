namespace IswPanel.Web.Infrastructure.Results;

public enum ResultStatus
{
    Ok,
    /// <summary>Absent, or outside the caller's tenancy: the two look the same on purpose.</summary>
    NotFound,
    Forbidden,
    /// <summary>The record is in a state that does not allow this (already assigned, offer closed).</summary>
    Conflict,
    /// <summary>The input broke a validation or domain rule; <see cref="IUseCaseResult.Errors"/> says which.</summary>
    Invalid,
}

/// <summary>What every use case returns, so the edge maps outcomes the same way on pages and the API.</summary>
public interface IUseCaseResult
{
    ResultStatus Status { get; }

    /// <summary>Messages by field name ("" for the whole form).</summary>
    IReadOnlyDictionary<string, string[]> Errors { get; }

    bool IsSuccess => Status == ResultStatus.Ok;
}

/// <summary>Lets pipeline behaviours create a failed result of any result type.</summary>
public interface IFailable<TSelf> : IUseCaseResult where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(ResultStatus status, IReadOnlyDictionary<string, string[]> errors);
}

public readonly record struct Result<T> : IFailable<Result<T>>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private Result(ResultStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        Value = value;
        Errors = errors ?? NoErrors;
    }

    public ResultStatus Status { get; }
    public T? Value { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public bool IsSuccess => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null);
    public static Result<T> Failure(ResultStatus status, IReadOnlyDictionary<string, string[]> errors) => new(status, default, errors);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Failure failure) => new(failure.Status, default, failure.Errors);
}

/// <summary>A failure without a value type, convertible to any <see cref="Result{T}"/>.</summary>
public readonly record struct Failure(ResultStatus Status, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Failure NotFound { get; } = new(ResultStatus.NotFound, new Dictionary<string, string[]>());
    public static Failure Forbidden { get; } = new(ResultStatus.Forbidden, new Dictionary<string, string[]>());

    public static Failure Conflict(string message) => new(ResultStatus.Conflict, Single("", message));
    public static Failure Invalid(string field, string message) => new(ResultStatus.Invalid, Single(field, message));

    private static Dictionary<string, string[]> Single(string field, string message) => new() { [field] = [message] };
}

/// <summary>The value of a command that only succeeds or fails.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}
