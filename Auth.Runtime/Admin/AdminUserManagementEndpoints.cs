using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Users;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Operators creating, editing, inviting, resetting and unlocking users (ADR 0022); Owners and Support alike.</summary>
internal static class AdminUserManagementEndpoints
{
    public sealed record CreateUserRequest(
        string? Email, string? Phone, string? Password, string? Name, JsonObject? UserData,
        bool? EmailVerified, bool? PhoneVerified, bool? Invite, string? RedirectURL);

    public sealed record LinkRequest(string? RedirectURL);

    public static async Task<Results<Ok<AdminUsersEndpoints.AdminUserResponse>, ErrorHttpResult>> Create(
        CreateUserRequest request, UserManagement management, CancellationToken ct) =>
        (await management.CreateAsync(new CreateUserCommand(
            request.Email, request.Phone, request.Password, request.Name, request.UserData,
            request.EmailVerified ?? false, request.PhoneVerified ?? false, request.Invite ?? false, request.RedirectURL), ct))
        .ToHttp(AdminUsersEndpoints.AdminUserResponse.From);

    /// <summary>
    /// A merge patch: a field left out stays, <c>null</c> (or "" for e-mail and phone) clears it. <c>vouchEmail</c> /
    /// <c>vouchPhone</c> keep a new address or number verified.
    /// </summary>
    public static async Task<Results<Ok<AdminUsersEndpoints.AdminUserResponse>, ErrorHttpResult>> Update(
        string id, JsonNode? body, UserManagement management, CancellationToken ct)
    {
        var command = ReadPatch(body);
        if (!command.IsSuccess) return new ErrorHttpResult(command.Error);
        return (await management.UpdateAsync(id, command.Value, ct)).ToHttp(AdminUsersEndpoints.AdminUserResponse.From);
    }

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Invite(string id, LinkRequest? request, UserOutreach outreach, CancellationToken ct) =>
        (await outreach.InviteAsync(id, request?.RedirectURL, ct)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> SendReset(string id, LinkRequest? request, UserOutreach outreach, CancellationToken ct) =>
        (await outreach.SendResetAsync(id, request?.RedirectURL, ct)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Unlock(string id, UserOutreach outreach, CancellationToken ct) =>
        (await outreach.UnlockAsync(id, ct)).ToHttp(_ => EmptyResponse.Instance);

    private static readonly HashSet<string> PatchFields = new(StringComparer.Ordinal) { "name", "userData", "email", "phone", "vouchEmail", "vouchPhone" };

    private static Result<UpdateUserCommand> ReadPatch(JsonNode? body)
    {
        if (body is not JsonObject patch) return AuthError.Validation("body", "The body is a JSON object of the fields to change.");
        var problems = new Dictionary<string, string>();
        foreach (var (key, _) in patch)
            if (!PatchFields.Contains(key)) problems[key] = "This field can't be changed here.";
        var command = new UpdateUserCommand
        {
            Name = Text(patch, "name", problems),
            Email = Text(patch, "email", problems),
            Phone = Text(patch, "phone", problems),
            UserData = patch.TryGetPropertyValue("userData", out var data)
                ? data is null or JsonObject ? new Change<JsonObject?>(data as JsonObject) : Problem<JsonObject?>(problems, "userData", "userData is a JSON object or null.")
                : null,
            VouchEmail = Flag(patch, "vouchEmail", problems),
            VouchPhone = Flag(patch, "vouchPhone", problems),
        };
        return problems.Count > 0 ? AuthError.Validation(problems) : command;
    }

    private static Change<string?>? Text(JsonObject patch, string field, Dictionary<string, string> problems)
    {
        if (!patch.TryGetPropertyValue(field, out var node)) return null;
        if (node is null) return new Change<string?>(null);
        return node.GetValueKind() == JsonValueKind.String ? new Change<string?>(node.GetValue<string>()) : Problem<string?>(problems, field, $"{field} is a string or null.");
    }

    private static bool Flag(JsonObject patch, string field, Dictionary<string, string> problems)
    {
        if (!patch.TryGetPropertyValue(field, out var node) || node is null) return false;
        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return node.GetValue<bool>();
        problems[field] = $"{field} is true or false.";
        return false;
    }

    private static Change<T>? Problem<T>(Dictionary<string, string> problems, string field, string message)
    {
        problems[field] = message;
        return null;
    }
}
