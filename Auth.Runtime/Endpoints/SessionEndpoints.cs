using Auth.Core.Sessions;
using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>The signed-in caller: who am I, my sessions, sign-out variants, password change.</summary>
internal static class SessionEndpoints
{
    public static Ok<UserResponse> GetUser(HttpContext context) => TypedResults.Ok(UserResponse.From(context.Caller().User));

    public static async Task<Ok<List<SessionResponse>>> GetSessions(HttpContext context, SessionService sessions)
    {
        var caller = context.Caller();
        var list = await sessions.ListActiveAsync(caller.User.Id, context.RequestAborted);
        return TypedResults.Ok(list.Select(s => SessionResponse.Listed(s, caller.Session.Id)).ToList());
    }

    public static async Task<Ok<EmptyResponse>> SignOut(HttpContext context, SessionService sessions)
    {
        var caller = context.Caller();
        await sessions.RevokeAsync(caller.User.Id, caller.Session.Id, context.RequestAborted);
        return TypedResults.Ok(EmptyResponse.Instance);
    }

    public static async Task<Ok<EmptyResponse>> SignOutAll(HttpContext context, SessionService sessions)
    {
        await sessions.RevokeAllAsync(context.Caller().User.Id, keepSessionId: null, context.RequestAborted);
        return TypedResults.Ok(EmptyResponse.Instance);
    }

    public static async Task<Ok<EmptyResponse>> SignOutAllExcept(HttpContext context, SessionService sessions)
    {
        var caller = context.Caller();
        await sessions.RevokeAllAsync(caller.User.Id, caller.Session.Id, context.RequestAborted);
        return TypedResults.Ok(EmptyResponse.Instance);
    }

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext context, ChangePassword flow)
    {
        var caller = context.Caller();
        var result = await flow.ExecuteAsync(
            new ChangePasswordCommand(caller.User.Id, caller.Session.Id, request.CurrentPassword, request.NewPassword), context.RequestAborted);
        return result.ToHttp(_ => EmptyResponse.Instance);
    }
}
