using System.Diagnostics.CodeAnalysis;

namespace Auth.Core.Errors;

/// <summary>The outcome of a use case: a value, or an <see cref="AuthError"/>. Expected failures are values.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, AuthError? error)
    {
        _value = value;
        Error = error;
    }

    public AuthError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed with {Error.Code}.");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(AuthError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(AuthError error) => Failure(error);
}

/// <summary>A result with no value: success, or an error.</summary>
public readonly record struct Unit
{
    public static readonly Unit Value;
}
