using Auth.Core.Errors;
using Auth.Core.Passkeys;
using Auth.Core.Users;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>A user's passkeys as operators see them, and the removal of one (a lost or cloned authenticator, ADR 0015).</summary>
internal static class AdminPasskeysEndpoints
{
    public static async Task<Results<Ok<List<PasskeyResponse>>, ErrorHttpResult>> List(
        string id, UserDirectory directory, PasskeyManagement passkeys, CancellationToken ct)
    {
        if (await directory.GetAsync(id, ct) is null) return UserNotFound(id);
        var listed = await passkeys.ListAsync(id, ct);
        return TypedResults.Ok(listed.Select(PasskeyResponse.From).ToList());
    }

    /// <summary>Removes one passkey of the user; recorded as <c>user.passkey_removed</c> with the operator as actor.</summary>
    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Remove(
        string id, string passkeyId, PasskeyManagement passkeys, CancellationToken ct)
    {
        var result = await passkeys.RemoveByOperatorAsync(id, passkeyId, ct);
        return result.ToHttp(_ => EmptyResponse.Instance);
    }

    private static ErrorHttpResult UserNotFound(string id) => new(new AuthError(AuthErrors.UserNotFound, $"No user has the id {id}."));
}
