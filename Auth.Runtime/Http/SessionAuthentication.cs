using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Auth.Runtime.Http;

/// <summary>
/// Requires a live session on an endpoint group. The token may come in the <c>Session</c> header,
/// the <c>session_token</c> cookie, or <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class SessionAuthenticationFilter : IEndpointFilter
{
    public const string SessionHeader = "Session";
    public const string SessionCookie = "session_token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<SessionService>();
        var token = ReadToken(http.Request);
        if (token is null)
            return new ErrorHttpResult(new AuthError(AuthErrors.MissingSessionToken, "A session token is required."));

        var result = await sessions.AuthenticateAsync(token, http.RequestAborted);
        if (!result.IsSuccess) return new ErrorHttpResult(result.Error);
        if (sessions.EnrollmentOnly(result.Value.Session) && http.GetEndpoint()?.Metadata.GetMetadata<MfaEnrollmentAllowed>() is null)
            return new ErrorHttpResult(MfaErrors.EnrollmentRequired());
        http.Features.Set(result.Value);
        return await next(context);
    }

    public static string? ReadToken(HttpRequest request)
    {
        if (request.Headers[SessionHeader].ToString() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization[7..].Trim();
        return request.Cookies[SessionCookie] is { Length: > 0 } cookie ? cookie : null;
    }
}

/// <summary>Marks a session route an enrolment-only session may still call (ADR 0014, <c>mfa.required</c>).</summary>
internal sealed class MfaEnrollmentAllowed
{
    public static readonly MfaEnrollmentAllowed Instance = new();
}

internal static class SessionHttpContextExtensions
{
    /// <summary>The session the filter authenticated; only call on endpoints behind it.</summary>
    public static AuthenticatedSession Caller(this HttpContext context) =>
        context.Features.Get<AuthenticatedSession>() ?? throw new InvalidOperationException("The endpoint is not behind SessionAuthenticationFilter.");
}
