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
    public sealed record AdminUserResponse(UserResponse User, bool Disabled);
    public sealed record UserListResponse(List<AdminUserResponse> Items, int Total, int Page, int PageSize);

    public static async Task<Ok<UserListResponse>> List(UserDirectory directory, string? query, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await directory.SearchAsync(query, page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new UserListResponse(
            result.Items.Select(u => new AdminUserResponse(UserResponse.From(u), u.Disabled)).ToList(), result.Total, result.Page, result.PageSize));
    }

    public static async Task<Results<Ok<AdminUserResponse>, ErrorHttpResult>> Get(string id, UserDirectory directory, CancellationToken ct) =>
        await directory.GetAsync(id, ct) is { } user
            ? TypedResults.Ok(new AdminUserResponse(UserResponse.From(user), user.Disabled))
            : NotFound(id);

    public static async Task<Results<Ok<EmptyResponse>, ErrorHttpResult>> Delete(string id, UserDirectory directory, CancellationToken ct) =>
        await directory.DeleteAsync(id, ct) ? TypedResults.Ok(EmptyResponse.Instance) : NotFound(id);

    private static ErrorHttpResult NotFound(string id) =>
        new(new AuthError(AuthErrors.UserNotFound, $"No user has the id {id}."));
}
