using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Operators;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Operators and their roles (Owners only), and every operator's own password (ADR 0017).</summary>
internal static class AdminOperatorsEndpoints
{
    public sealed record OperatorResponse(string Id, string Email, string Role, DateTime CreatedAt, DateTime? LastLoginAt, DateTime? LockedUntil)
    {
        public static OperatorResponse From(Operator o, DateTime now) =>
            new(o.Id, o.Email, o.Role.ToString(), o.CreatedAt, o.LastLoginAt, o.LockoutEndsAt > now ? o.LockoutEndsAt : null);
    }

    public sealed record CreateOperatorRequest(string? Email, string? Password, string? Role);
    public sealed record RoleRequest(string? Role);
    public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

    public static async Task<Ok<List<OperatorResponse>>> List(OperatorService operators, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok((await operators.ListAsync(ct)).Select(o => OperatorResponse.From(o, now)).ToList());
    }

    public static async Task<Results<Ok<OperatorResponse>, ErrorHttpResult>> Create(
        CreateOperatorRequest request, OperatorService operators, TimeProvider time, CancellationToken ct)
    {
        if (ParseRole(request.Role ?? nameof(OperatorRole.Owner)) is not { } role) return InvalidRole();
        return (await operators.CreateAsync(request.Email, request.Password, role, ct)).ToHttp(o => OperatorResponse.From(o, time.GetUtcNow().UtcDateTime));
    }

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> ChangeRole(
        string id, RoleRequest request, OperatorAdministration administration, CancellationToken ct)
    {
        if (ParseRole(request.Role) is not { } role) return InvalidRole();
        return (await administration.ChangeRoleAsync(id, role, ct)).ToHttp(_ => EmptyResponse.Instance);
    }

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Remove(string id, OperatorService operators, CancellationToken ct) =>
        (await operators.RemoveAsync(id, ct)).ToHttp(_ => EmptyResponse.Instance);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Unlock(string id, OperatorAdministration administration, CancellationToken ct) =>
        (await administration.UnlockAsync(id, ct)).ToHttp(_ => EmptyResponse.Instance);

    /// <summary>The caller's own password; every other token of theirs stops working, the answer carries a new one.</summary>
    public static async Task<Results<Ok<AdminAccessEndpoints.TokenResponse>, ErrorHttpResult>> ChangeOwnPassword(
        PasswordRequest request, OperatorAdministration administration, OperatorService operators, HttpContext context)
    {
        var me = context.Operator();
        var changed = await administration.ChangePasswordAsync(me.Id, request.CurrentPassword, request.NewPassword, context.RequestAborted);
        if (!changed.IsSuccess) return new ErrorHttpResult(changed.Error);
        if (await operators.GetAsync(me.Id, context.RequestAborted) is not { } op)
            return new ErrorHttpResult(new AuthError(AuthErrors.Unauthorized, "The operator no longer exists."));
        return TypedResults.Ok(new AdminAccessEndpoints.TokenResponse(operators.IssueToken(op), (int)OperatorService.TokenLifetime.TotalSeconds));
    }

    /// <summary>"Owner" or "Support" in any case; numbers are not roles.</summary>
    internal static OperatorRole? ParseRole(string? value) =>
        Enum.GetValues<OperatorRole>().Cast<OperatorRole?>().FirstOrDefault(r => string.Equals(r.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static ErrorHttpResult InvalidRole() => new(AuthError.Validation("role", "The role must be Owner or Support."));
}
