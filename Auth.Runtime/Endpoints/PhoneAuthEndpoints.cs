using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>signUpWithPhone and signInWithPhone.</summary>
internal static class PhoneAuthEndpoints
{
    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignUp(
        SignUpPhoneRequest request, SignUpWithPhone flow, HttpContext context)
    {
        var result = await flow.ExecuteAsync(
            new SignUpWithPhoneCommand(request.Phone, request.Password, request.Name, request.UserData, context.ClientInfo()),
            context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignIn(
        SignInPhoneRequest request, SignInWithPhone flow, HttpContext context)
    {
        var result = await flow.ExecuteAsync(new SignInWithPhoneCommand(request.Phone, request.Password, context.ClientInfo()), context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }
}
