using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>getAuthGrant: a one-time access token in, the user and a new session out.</summary>
internal static class GrantEndpoints
{
    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> Grant(GrantRequest request, GetAuthGrant flow, HttpContext context)
    {
        var result = await flow.ExecuteAsync(request.AccessToken, context.ClientInfo(), context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }
}
