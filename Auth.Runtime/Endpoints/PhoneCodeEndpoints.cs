using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>SMS codes: phone verification, sign-in with a code, password reset by code, phone change.</summary>
internal static class PhoneCodeEndpoints
{
    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ResendCode(PhoneRequest request, ResendPhoneCode flow, HttpContext context) =>
        (await flow.ExecuteAsync(request.Phone, context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> VerifyPhone(PhoneCodeRequest request, VerifyPhone flow, HttpContext context) =>
        (await flow.ExecuteAsync(new VerifyPhoneCommand(request.Phone, request.Code, context.ClientInfo()), context.RequestAborted)).ToHttp(GrantResponse.From);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> SendCode(PhoneRequest request, SendSignInCode flow, HttpContext context) =>
        (await flow.ExecuteAsync(request.Phone, context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> SignInWithCode(PhoneCodeRequest request, SignInWithCode flow, HttpContext context) =>
        (await flow.ExecuteAsync(new SignInWithCodeCommand(request.Phone, request.Code, context.ClientInfo()), context.RequestAborted)).ToHttp(GrantResponse.From);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> SendResetCode(PhoneRequest request, SendPasswordResetCode flow, HttpContext context) =>
        (await flow.ExecuteAsync(request.Phone, context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ResetPasswordWithCode(
        ResetPasswordCodeRequest request, ResetPasswordWithCode flow, HttpContext context) =>
        (await flow.ExecuteAsync(new ResetPasswordWithCodeCommand(request.Phone, request.Code, request.NewPassword), context.RequestAborted))
            .ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ChangePhone(ChangePhoneRequest request, ChangePhone flow, HttpContext context) =>
        (await flow.ExecuteAsync(new ChangePhoneCommand(context.Caller().User.Id, request.Password, request.NewPhone), context.RequestAborted))
            .ToHttp(_ => EmptyResponse.Instance);
}
