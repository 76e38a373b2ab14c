namespace Auth.Runtime.Contracts;

// Every field is nullable: a missing field is the flow's validation_error, not a binder failure.

public sealed record EmailLinkRequest(string? Email, string? RedirectURL);

public sealed record ResetPasswordRequest(string? AccessToken, string? NewPassword);

public sealed record ChangeEmailRequest(string? Password, string? NewEmail, string? RedirectURL);

public sealed record PhoneRequest(string? Phone);

public sealed record PhoneCodeRequest(string? Phone, string? Code);

public sealed record ResetPasswordCodeRequest(string? Phone, string? Code, string? NewPassword);

public sealed record ChangePhoneRequest(string? Password, string? NewPhone);
