using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Operator tokens for the management API, and the first-run setup with the printed code.</summary>
internal static class AdminAccessEndpoints
{
    /// <summary><c>code</c> or <c>recoveryCode</c>: required for an operator with an authenticator app (ADR 0021).</summary>
    public sealed record TokenRequest(string? Email, string? Password, string? Code = null, string? RecoveryCode = null);
    public sealed record SetupRequest(string? Code, string? Email, string? Password);
    public sealed record TokenResponse(string Token, int ExpiresIn);

    public static async Task<Results<Ok<TokenResponse>, ErrorHttpResult>> Token(TokenRequest request, OperatorSignInSteps steps, CancellationToken ct)
    {
        var result = await steps.TokenAsync(request.Email, request.Password, request.Code, request.RecoveryCode, ct);
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
