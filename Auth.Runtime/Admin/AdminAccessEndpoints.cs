using Auth.Core.Operators;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Operator tokens for the management API, and the first-run setup with the printed code.</summary>
internal static class AdminAccessEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record SetupRequest(string? Code, string? Email, string? Password);
    public sealed record TokenResponse(string Token, int ExpiresIn);

    public static async Task<Results<Ok<TokenResponse>, ErrorHttpResult>> Token(TokenRequest request, OperatorService operators, CancellationToken ct)
    {
        var result = await operators.SignInAsync(request.Email, request.Password, ct);
        return result.ToHttp(token => new TokenResponse(token, (int)OperatorService.TokenLifetime.TotalSeconds));
    }

    public static async Task<Results<Ok<TokenResponse>, ErrorHttpResult>> Setup(SetupRequest request, OperatorService operators, CancellationToken ct)
    {
        var created = await operators.CompleteSetupAsync(request.Code, request.Email, request.Password, ct);
        if (!created.IsSuccess) return new ErrorHttpResult(created.Error);
        var token = await operators.SignInAsync(request.Email, request.Password, ct);
        return token.ToHttp(t => new TokenResponse(t, (int)OperatorService.TokenLifetime.TotalSeconds));
    }
}
