using Auth.Core.Data.Entities;
using Auth.Core.Errors;

namespace Auth.Core.Users;

/// <summary>
/// Applies an operator's edit to a tracked user and remembers which fields really changed (names only: they go into
/// the activity event). A changed e-mail or phone loses its verification unless the operator vouches for it.
/// </summary>
internal sealed class UserEdit(User user)
{
    public List<string> Changed { get; } = [];

    public bool IdentifiersChanged { get; private set; }

    /// <summary>The normalised e-mail this edit gives the user, or null when it keeps or removes it.</summary>
    public string? NewEmail { get; private set; }

    public string? NewPhone { get; private set; }

    public void Name(string? name)
    {
        if (name == user.Name) return;
        user.Name = name;
        Changed.Add("name");
    }

    public void UserData(string? json)
    {
        if (json == user.UserData) return;
        user.UserData = json;
        Changed.Add("userData");
    }

    public void Email(NormalizedEmail? email, bool vouch)
    {
        if (email?.Normalized == user.NormalizedEmail)
        {
            // The same address written differently keeps its verification.
            if (email is not null && email.Display != user.Email)
            {
                user.Email = email.Display;
                Changed.Add("email");
            }
            return;
        }
        user.Email = email?.Display;
        user.NormalizedEmail = email?.Normalized;
        user.EmailVerified = email is not null && vouch;
        NewEmail = email?.Normalized;
        IdentifiersChanged = true;
        Changed.Add("email");
    }

    public void Phone(string? phone, bool vouch)
    {
        if (phone == user.Phone) return;
        user.Phone = phone;
        user.PhoneVerified = phone is not null && vouch;
        NewPhone = phone;
        IdentifiersChanged = true;
        Changed.Add("phone");
    }

    /// <summary>A local account signs in with its e-mail or phone, so it must keep one of them.</summary>
    public AuthError? Check() =>
        user.Provider == User.LocalProvider && user.Email is null && user.Phone is null
            ? AuthError.Validation(IdentifiersChanged && NewPhone is null ? "email" : "phone",
                "A user who signs in with a password or a link keeps an e-mail address or a phone number.")
            : null;
}
