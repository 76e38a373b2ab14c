using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>signUpWithEmail and signInWithEmail.</summary>
internal static class EmailAuthEndpoints
{
    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignUp(
        SignUpEmailRequest request, SignUpWithEmail flow, HttpContext context)
    {
        var result = await flow.ExecuteAsync(
            new SignUpWithEmailCommand(request.Email, request.Password, request.Name, request.UserData, request.RedirectURL, context.ClientInfo()),
            context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignIn(
        SignInEmailRequest request, SignInWithEmail flow, HttpContext context)
    {
        var result = await flow.ExecuteAsync(new SignInWithEmailCommand(request.Email, request.Password, context.ClientInfo()), context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }
}
