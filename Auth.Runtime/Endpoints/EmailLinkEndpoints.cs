using Auth.Core.SignIn;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>E-mailed links: resend confirmation, magic link, password reset, e-mail change, and the verify they all lead to.</summary>
internal static class EmailLinkEndpoints
{
    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Resend(EmailLinkRequest request, ResendConfirmation flow, HttpContext context) =>
        (await flow.ExecuteAsync(new ResendConfirmationCommand(request.Email, request.RedirectURL), context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> SendMagic(EmailLinkRequest request, SendMagicLink flow, HttpContext context) =>
        (await flow.ExecuteAsync(new SendMagicLinkCommand(request.Email, request.RedirectURL), context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> SendReset(EmailLinkRequest request, SendPasswordReset flow, HttpContext context) =>
        (await flow.ExecuteAsync(new SendPasswordResetCommand(request.Email, request.RedirectURL), context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ResetPassword(ResetPasswordRequest request, ResetPassword flow, HttpContext context) =>
        (await flow.ExecuteAsync(new ResetPasswordCommand(request.AccessToken, request.NewPassword), context.RequestAborted)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ChangeEmail(ChangeEmailRequest request, ChangeEmail flow, HttpContext context) =>
        (await flow.ExecuteAsync(new ChangeEmailCommand(context.Caller().User.Id, request.Password, request.NewEmail, request.RedirectURL), context.RequestAborted))
            .ToHttp(_ => EmptyResponse.Instance);
}
