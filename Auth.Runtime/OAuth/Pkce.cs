using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Runtime.OAuth;

/// <summary>RFC 7636 with the S256 method only.</summary>
internal static class Pkce
{
    public const string Method = "S256";

    /// <summary>43 characters of base64url from 256 random bits.</summary>
    public static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
