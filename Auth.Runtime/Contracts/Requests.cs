using System.Text.Json.Nodes;

namespace Auth.Runtime.Contracts;

// Every field is nullable: a missing field is the flow's validation_error, not a binder failure.

public sealed record SignUpEmailRequest(string? Email, string? Password, string? Name, JsonObject? UserData, string? RedirectURL);

public sealed record SignInEmailRequest(string? Email, string? Password);

public sealed record SignUpPhoneRequest(string? Phone, string? Password, string? Name, JsonObject? UserData);

public sealed record SignInPhoneRequest(string? Phone, string? Password);

public sealed record GrantRequest(string? AccessToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
