using System.Text.Json;
using Auth.Core.Passkeys;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Auth.Runtime.Endpoints;

/// <summary>Passkeys (ADR 0015): registration and management for the signed-in caller, and sign-in with one.</summary>
internal static class PasskeyEndpoints
{
    public static async Task<Results<Ok<JsonElement>, ErrorHttpResult>> RegisterOptions(HttpContext context, PasskeyRegistration flow)
    {
        var result = await flow.OptionsAsync(context.Caller().User.Id, context.RequestAborted);
        return result.ToHttp(options => options);
    }

    public static async Task<Results<Ok<PasskeyResponse>, ErrorHttpResult>> Register(
        PasskeyRegisterRequest request, HttpContext context, PasskeyRegistration flow)
    {
        var result = await flow.CompleteAsync(context.Caller().User.Id, request.Credential, request.Name, context.RequestAborted);
        return result.ToHttp(PasskeyResponse.From);
    }

    public static async Task<Ok<List<PasskeyResponse>>> List(HttpContext context, PasskeyManagement flow)
    {
        var passkeys = await flow.ListAsync(context.Caller().User.Id, context.RequestAborted);
        return TypedResults.Ok(passkeys.Select(PasskeyResponse.From).ToList());
    }

    /// <summary>Needs the password or a current authenticator code, like removing a factor (ADR 0015).</summary>
    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Remove(
        string id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] MfaProofRequest? request, HttpContext context, PasskeyManagement flow)
    {
        var proof = request?.ToProof() ?? new Auth.Core.Mfa.MfaProof(null, null);
        var result = await flow.RemoveAsync(context.Caller().User.Id, id, proof, context.RequestAborted);
        return result.ToHttp(_ => EmptyResponse.Instance);
    }

    public static async Task<Results<Ok<JsonElement>, ErrorHttpResult>> SignInOptions(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PasskeySignInOptionsRequest? request, HttpContext context, PasskeySignIn flow)
    {
        var result = await flow.OptionsAsync(request?.Email, context.RequestAborted);
        return result.ToHttp(options => options);
    }

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignIn(PasskeySignInRequest request, HttpContext context, PasskeySignIn flow)
    {
        var result = await flow.CompleteAsync(new PasskeySignInCommand(request.Credential, context.ClientInfo()), context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }
}
