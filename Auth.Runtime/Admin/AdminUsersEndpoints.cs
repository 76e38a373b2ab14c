using Auth.Core.Errors;
using Auth.Core.Users;
using Auth.Runtime.Contracts;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Users as operators see them: search, detail, delete.</summary>
internal static class AdminUsersEndpoints
{
    /// <summary><c>lockedUntil</c> is set while a lockout holds (until then only an unlock or the time frees the account).</summary>
    public sealed record AdminUserResponse(UserResponse User, bool Disabled, DateTime? LockedUntil = null)
    {
        public static AdminUserResponse From(Auth.Core.Data.Entities.User user) => new(UserResponse.From(user), user.Disabled, user.LockoutEndsAt);
    }
    /// <summary>
    /// <c>total</c> stops at 10,000, or 1,000 for a search (<c>totalCapped</c> true: show "10,000+"); <c>page</c> is null when the request
    /// came with a cursor; <c>nextCursor</c> is null on the last page.
    /// </summary>
    public sealed record UserListResponse(List<AdminUserResponse> Items, int Total, bool TotalCapped, int? Page, int PageSize, string? NextCursor);

    /// <summary>
    /// Newest first, or a prefix search (e-mail, phone, name) in key order; <c>cursor</c> (from <c>nextCursor</c>) pages
    /// on at any depth, <c>page</c> only within the first 1,000 users (ADR 0011).
    /// </summary>
    public static async Task<Results<Ok<UserListResponse>, ErrorHttpResult>> List(
        UserDirectory directory, string? query, int? page, int? pageSize, string? cursor, [AsParameters] UserListFilterQuery filter, CancellationToken ct)
    {
        var parsed = filter.Parse();
        if (!parsed.IsSuccess) return new ErrorHttpResult(parsed.Error);
        var (userFilter, sort) = parsed.Value;
        var result = await directory.ListAsync(new UserListRequest(query, pageSize ?? UserDirectory.DefaultPageSize, cursor, page, userFilter, sort), ct);
        if (!result.IsSuccess) return new ErrorHttpResult(result.Error!);
        var p = result.Value;
        return TypedResults.Ok(new UserListResponse(
            p.Items.Select(AdminUserResponse.From).ToList(), p.Total, p.TotalCapped, p.Page, p.PageSize, p.NextCursor));
    }

    public static async Task<Results<Ok<AdminUserResponse>, ErrorHttpResult>> Get(string id, UserDirectory directory, CancellationToken ct) =>
        await directory.GetAsync(id, ct) is { } user
            ? TypedResults.Ok(AdminUserResponse.From(user))
            : NotFound(id);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Delete(string id, UserDirectory directory, CancellationToken ct) =>
        await directory.DeleteAsync(id, ct) ? TypedResults.Ok(EmptyResponse.Instance) : NotFound(id);

    private static ErrorHttpResult NotFound(string id) =>
        new(new AuthError(AuthErrors.UserNotFound, $"No user has the id {id}."));
}
