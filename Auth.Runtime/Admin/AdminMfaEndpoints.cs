using Auth.Core.Mfa;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>An operator's reset of a user's second factors (ADR 0014), for a user who lost their authenticator.</summary>
internal static class AdminMfaEndpoints
{
    public sealed record MfaResetResponse(int SessionsEnded);

    /// <summary>Removes the user's factors, recovery codes and pending challenges and ends their sessions.</summary>
    public static async Task<Results<Ok<MfaResetResponse>, ErrorHttpResult>> Reset(string id, MfaOperatorReset reset, CancellationToken ct)
    {
        var result = await reset.ResetAsync(id, ct);
        return result.ToHttp(ended => new MfaResetResponse(ended));
    }
}
