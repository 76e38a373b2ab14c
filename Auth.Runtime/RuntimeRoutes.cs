using Auth.Runtime.Admin;
using Auth.Runtime.BrowserClient;
using Auth.Runtime.Endpoints;
using Auth.Runtime.Http;
using Auth.Runtime.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.Runtime;

/// <summary>
/// Every route the runtime serves and what guards it, in one place, top to bottom. The handlers are named
/// static methods in their resource's file (<c>Endpoints/</c>, <c>OAuth/</c>, <c>BrowserClient/</c>,
/// <c>Admin/</c>); only the mapping lives here. The guards (<see cref="RoutePolicies"/>):
/// <list type="bullet">
/// <item><c>AllowBrowserOrigins</c>: CORS, enforced by <c>BrowserClientCors</c>;</item>
/// <item><c>LimitPerIp</c>: the per-IP window, enforced by <c>IpRateLimitMiddleware</c>;</item>
/// <item><c>RequireSession</c> / <c>RequireOperator</c>: endpoint filters that answer 401 before the handler runs.</item>
/// </list>
/// </summary>
public static class RuntimeRoutes
{
    /// <summary>The runtime's group; <see cref="RuntimeUrls"/> builds the URLs it hands out from these paths.</summary>
    public const string AuthPrefix = "/auth";

    /// <summary>Where e-mailed links lead (under <see cref="AuthPrefix"/>).</summary>
    public const string VerifyPath = "/verify";

    /// <summary>The OAuth group: <c>/oauth/{provider}</c> and <c>/oauth/{provider}/callback</c>.</summary>
    public const string OAuthPrefix = "/oauth";

    /// <summary>Maps the runtime under <c>/auth</c> and <c>/oauth</c> (plus JWKS, health and the OpenAPI document) and returns the /auth group.</summary>
    public static RouteGroupBuilder MapAuthRuntime(this IEndpointRouteBuilder endpoints)
    {
        // Apps call /auth from their pages: readable from the redirect URLs' origins; every POST counts per IP.
        var auth = endpoints.MapGroup(AuthPrefix).WithTags("runtime")
            .AllowBrowserOrigins(BrowserOrigins.AppOrigins).LimitPerIp(IpLimit.Posts);

        // Sign up and sign in with a password.
        auth.MapPost("/signup-email", EmailAuthEndpoints.SignUp).WithName("signUpWithEmail");
        auth.MapPost("/signin-email", EmailAuthEndpoints.SignIn).WithName("signInWithEmail");
        auth.MapPost("/signup-phone", PhoneAuthEndpoints.SignUp).WithName("signUpWithPhone");
        auth.MapPost("/signin-phone", PhoneAuthEndpoints.SignIn).WithName("signInWithPhone");

        // A one-time access token (from a link or an OAuth sign-in) in, the user and a new session out.
        auth.MapPost("/grant", GrantEndpoints.Grant).WithName("getAuthGrant");

        // The second step of a sign-in answered mfa_required: the mfaToken and a code open the session.
        auth.MapPost("/mfa/verify", MfaEndpoints.Verify).WithName("verifyMfa");

        // Sign-in with a passkey: options (for an e-mail, or discoverable), then the authenticator's answer.
        auth.MapPost("/signin-passkey/options", PasskeyEndpoints.SignInOptions).WithName("signInWithPasskeyOptions");
        auth.MapPost("/signin-passkey", PasskeyEndpoints.SignIn).WithName("signInWithPasskey");

        // E-mailed links, and the verify they all lead to.
        auth.MapPost("/resend", EmailLinkEndpoints.Resend).WithName("resendConfirmation");
        auth.MapPost("/send-magic", EmailLinkEndpoints.SendMagic).WithName("sendMagicLinkEmail");
        auth.MapPost("/send-reset", EmailLinkEndpoints.SendReset).WithName("sendPasswordResetEmail");
        auth.MapPost("/reset-pwd", EmailLinkEndpoints.ResetPassword).WithName("resetPassword");
        auth.MapGet(VerifyPath, VerifyEndpoints.Get).WithName("verifyLink");
        auth.MapPost(VerifyPath, VerifyEndpoints.Post).WithName("confirmVerifyLink").DisableAntiforgery();

        // SMS codes: phone verification, sign-in with a code, password reset by code.
        auth.MapPost("/resend-code", PhoneCodeEndpoints.ResendCode).WithName("resendPhoneCode");
        auth.MapPost("/verify-phone", PhoneCodeEndpoints.VerifyPhone).WithName("verifyPhone");
        auth.MapPost("/send-code", PhoneCodeEndpoints.SendCode).WithName("sendSignInCode");
        auth.MapPost("/signin-code", PhoneCodeEndpoints.SignInWithCode).WithName("signInWithCode");
        auth.MapPost("/send-reset-code", PhoneCodeEndpoints.SendResetCode).WithName("sendPasswordResetCode");
        auth.MapPost("/reset-pwd-code", PhoneCodeEndpoints.ResetPasswordWithCode).WithName("resetPasswordWithCode");

        // The signed-in caller: who am I, my sessions, sign-out variants, credential changes.
        var session = auth.MapGroup("").RequireSession();
        // With mfa.required, a session without a second factor reaches only the routes marked AllowBeforeMfaEnrollment.
        session.MapGet("/user", SessionEndpoints.GetUser).WithName("getUser").AllowBeforeMfaEnrollment();
        session.MapGet("/sessions", SessionEndpoints.GetSessions).WithName("getSessions");
        session.MapPost("/signout", SessionEndpoints.SignOut).WithName("signOut").AllowBeforeMfaEnrollment();
        session.MapPost("/signout-all", SessionEndpoints.SignOutAll).WithName("signOutAll");
        session.MapPost("/signout-all-except", SessionEndpoints.SignOutAllExcept).WithName("signOutAllExceptCurrent");
        session.MapPost("/change-pwd", SessionEndpoints.ChangePassword).WithName("changePassword");
        session.MapPost("/change-email", EmailLinkEndpoints.ChangeEmail).WithName("changeEmail");
        session.MapPost("/change-phone", PhoneCodeEndpoints.ChangePhone).WithName("changePhone");

        // Second factors of the signed-in caller (removal and new recovery codes need the password or a current code).
        session.MapPost("/mfa/totp/enroll", MfaEndpoints.EnrollTotp).WithName("enrollTotp").AllowBeforeMfaEnrollment();
        session.MapPost("/mfa/totp/confirm", MfaEndpoints.ConfirmTotp).WithName("confirmTotp").AllowBeforeMfaEnrollment();
        session.MapGet("/mfa/factors", MfaEndpoints.ListFactors).WithName("listMfaFactors");
        session.MapDelete("/mfa/factors/{id}", MfaEndpoints.RemoveFactor).WithName("removeMfaFactor");
        session.MapPost("/mfa/recovery-codes", MfaEndpoints.RegenerateRecoveryCodes).WithName("regenerateRecoveryCodes");

        // Passkeys of the signed-in caller.
        session.MapPost("/passkeys/register/options", PasskeyEndpoints.RegisterOptions).WithName("passkeyRegisterOptions");
        session.MapPost("/passkeys/register", PasskeyEndpoints.Register).WithName("registerPasskey");
        session.MapGet("/passkeys", PasskeyEndpoints.List).WithName("listPasskeys");
        session.MapDelete("/passkeys/{id}", PasskeyEndpoints.Remove).WithName("removePasskey");

        // The browser client: public code, readable from any origin.
        auth.MapMethods("/client.js", [HttpMethods.Get, HttpMethods.Head], ClientScriptEndpoint.Get).WithName("browserClient")
            .AllowBrowserOrigins(BrowserOrigins.AnyOrigin);

        // OAuth: top-level navigations of the browser (no CORS); every request counts per IP.
        var oauth = endpoints.MapGroup(OAuthPrefix).WithTags("oauth").LimitPerIp(IpLimit.EveryRequest);
        oauth.MapGet("/{provider}", OAuthEndpoints.Start).WithName("signInWithProvider");
        oauth.MapMethods("/{provider}/callback", [HttpMethods.Get, HttpMethods.Post], OAuthEndpoints.Callback).WithName("oauthCallback");

        // For apps that verify session JWTs themselves, for load balancers, for client generators.
        endpoints.MapGet("/.well-known/jwks.json", WellKnownEndpoints.Jwks).WithName("jwks");
        endpoints.MapGet("/healthz", WellKnownEndpoints.Health).WithName("health");
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return auth;
    }

    /// <summary>Maps the operator-only management API under <c>/admin/api</c> and returns its group.</summary>
    public static RouteGroupBuilder MapAuthAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/api").WithTags("admin");

        // Operator sign-in and the first-run setup: a fixed per-IP bucket the app's setting can't raise.
        admin.MapPost("/token", AdminAccessEndpoints.Token).WithName("adminToken").LimitPerIp(IpLimit.OperatorAttempts);
        admin.MapPost("/setup", AdminAccessEndpoints.Setup).WithName("adminSetup").LimitPerIp(IpLimit.OperatorAttempts);

        // Everything else needs an operator token, and says which roles may call it (ADR 0017; no decision = Owner only).
        var secured = admin.MapGroup("").RequireOperator();

        var settings = secured.MapGroup("/settings").AllowRoles(OperatorAccess.OwnerOnly);
        settings.MapGet("/draft", AdminSettingsEndpoints.GetDraft).WithName("getSettingsDraft");
        settings.MapPut("/draft", AdminSettingsEndpoints.PutDraft).WithName("replaceSettingsDraft");
        settings.MapPatch("/draft", AdminSettingsEndpoints.PatchDraft).WithName("patchSettingsDraft");
        settings.MapPost("/publish", AdminSettingsEndpoints.Publish).WithName("publishSettings");
        settings.MapGet("/revisions", AdminSettingsEndpoints.ListRevisions).WithName("listSettingsRevisions");
        settings.MapGet("/revisions/{number:int}", AdminSettingsEndpoints.GetRevision).WithName("getSettingsRevision");
        settings.MapPost("/revisions/{number:int}/rollback", AdminSettingsEndpoints.Rollback).WithName("rollbackSettings");
        settings.MapGet("/export", AdminSettingsEndpoints.Export).WithName("exportSettings");
        settings.MapPost("/import", AdminSettingsEndpoints.Import).WithName("importSettings");

        var users = secured.MapGroup("/users").AllowRoles(OperatorAccess.OwnerAndSupport);
        users.MapGet("", AdminUsersEndpoints.List).WithName("listUsers");
        // Moving every user in or out is the Owners' (ADR 0020).
        users.MapGet("/export", AdminUserTransferEndpoints.Export).WithName("exportUsers").AllowRoles(OperatorAccess.OwnerOnly);
        users.MapPost("/import", AdminUserTransferEndpoints.Import).WithName("importUsers").AllowRoles(OperatorAccess.OwnerOnly);
        users.MapGet("/{id}", AdminUsersEndpoints.Get).WithName("getUserById");
        users.MapDelete("/{id}", AdminUsersEndpoints.Delete).WithName("deleteUser");
        users.MapDelete("/{id}/mfa", AdminMfaEndpoints.Reset).WithName("resetUserMfa");
        users.MapGet("/{id}/passkeys", AdminPasskeysEndpoints.List).WithName("listUserPasskeys");
        users.MapDelete("/{id}/passkeys/{passkeyId}", AdminPasskeysEndpoints.Remove).WithName("removeUserPasskey");
        users.MapPost("", AdminUserManagementEndpoints.Create).WithName("createUser");
        users.MapPatch("/{id}", AdminUserManagementEndpoints.Update).WithName("updateUser");
        users.MapPost("/{id}/invite", AdminUserManagementEndpoints.Invite).WithName("inviteUser");
        users.MapPost("/{id}/send-reset", AdminUserManagementEndpoints.SendReset).WithName("sendUserPasswordReset");
        users.MapPost("/{id}/unlock", AdminUserManagementEndpoints.Unlock).WithName("unlockUser");

        // The outbox as a delivery log and dev mailbox, and the template preview the studio calls.
        secured.MapGet("/messages", AdminMessagesEndpoints.List).WithName("listMessages").AllowRoles(OperatorAccess.OwnerAndSupport);
        secured.MapGet("/events", AdminEventsEndpoints.List).WithName("listEvents").AllowRoles(OperatorAccess.OwnerAndSupport);
        secured.MapPost("/templates/preview", AdminMessagesEndpoints.Preview).WithName("previewTemplate").AllowRoles(OperatorAccess.OwnerOnly);

        // Operators and roles are the Owners' business; one's own password is everyone's.
        var operators = secured.MapGroup("/operators").AllowRoles(OperatorAccess.OwnerOnly);
        operators.MapGet("", AdminOperatorsEndpoints.List).WithName("listOperators");
        operators.MapPost("", AdminOperatorsEndpoints.Create).WithName("createOperator");
        operators.MapPut("/{id}/role", AdminOperatorsEndpoints.ChangeRole).WithName("changeOperatorRole");
        operators.MapDelete("/{id}", AdminOperatorsEndpoints.Remove).WithName("removeOperator");
        operators.MapPost("/{id}/unlock", AdminOperatorsEndpoints.Unlock).WithName("unlockOperator");
        operators.MapPost("/me/password", AdminOperatorsEndpoints.ChangeOwnPassword).WithName("changeOwnOperatorPassword")
            .AllowRoles(OperatorAccess.OwnerAndSupport).LimitPerIp(IpLimit.OperatorAttempts);
        return admin;
    }
}
