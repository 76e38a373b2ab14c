using System.Security.Cryptography;
using System.Text;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>Builds a stored hash in the product's format with chosen (weaker) parameters.</summary>
public static class PasswordHashFormat
{
    public static string Create(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC)), salt, iterations, HashAlgorithmName.SHA512, 64);
        return $"$pbkdf2-sha512$i={iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }
}
