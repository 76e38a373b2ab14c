using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Runtime.Endpoints;

/// <summary>Second factors: enrolment and management for the signed-in caller, and the second step of a sign-in.</summary>
internal static class MfaEndpoints
{
    public static async Task<Results<Ok<TotpEnrollResponse>, ErrorHttpResult>> EnrollTotp(HttpContext context, TotpEnrollment flow)
    {
        var result = await flow.StartAsync(context.Caller().User.Id, context.RequestAborted);
        return result.ToHttp(TotpEnrollResponse.From);
    }

    public static async Task<Results<Ok<TotpConfirmResponse>, ErrorHttpResult>> ConfirmTotp(
        MfaConfirmRequest request, HttpContext context, TotpEnrollment flow, SessionService sessions)
    {
        var caller = context.Caller();
        var result = await flow.ConfirmAsync(caller.User.Id, request.FactorId, request.Code, context.RequestAborted);
        if (!result.IsSuccess) return new ErrorHttpResult(result.Error!);
        // The code just proved the factor from this session: its amr gains totp (an enrolment-only session under
        // mfa.required is upgraded) and the client gets a token whose JWT says so.
        var refreshed = await sessions.AddMethodAsync(caller.User.Id, caller.Session.Id, Amr.Totp, CancellationToken.None);
        return TypedResults.Ok(new TotpConfirmResponse(result.Value,
            refreshed is null ? null : SessionResponse.Opened(refreshed.Session, refreshed.Token)));
    }

    public static async Task<Ok<List<MfaFactorResponse>>> ListFactors(HttpContext context, MfaFactorManagement flow)
    {
        var factors = await flow.ListAsync(context.Caller().User.Id, context.RequestAborted);
        return TypedResults.Ok(factors.Select(MfaFactorResponse.From).ToList());
    }

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> RemoveFactor(
        string id, [FromBody] MfaProofRequest request, HttpContext context, MfaFactorManagement flow)
    {
        var result = await flow.RemoveAsync(context.Caller().User.Id, id, request.ToProof(), context.RequestAborted);
        return result.ToHttp(_ => EmptyResponse.Instance);
    }

    public static async Task<Results<Ok<RecoveryCodesResponse>, ErrorHttpResult>> RegenerateRecoveryCodes(
        MfaProofRequest request, HttpContext context, MfaFactorManagement flow)
    {
        var result = await flow.RegenerateRecoveryCodesAsync(context.Caller().User.Id, request.ToProof(), context.RequestAborted);
        return result.ToHttp(codes => new RecoveryCodesResponse(codes));
    }

    public static async Task<Results<Ok<GrantResponse>, ErrorHttpResult>> Verify(MfaVerifyRequest request, HttpContext context, MfaVerify flow)
    {
        var result = await flow.ExecuteAsync(
            new MfaVerifyCommand(request.MfaToken, request.Code, request.RecoveryCode, context.ClientInfo()), context.RequestAborted);
        return result.ToHttp(GrantResponse.From);
    }
}
