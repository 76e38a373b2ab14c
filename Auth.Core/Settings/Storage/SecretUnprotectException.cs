using System.Security.Cryptography;

namespace Auth.Core.Settings;

/// <summary>A stored settings secret could not be decrypted; <see cref="Path"/> names which one.</summary>
public sealed class SecretUnprotectException : CryptographicException
{
    public SecretUnprotectException()
    {
        Path = "";
    }

    public SecretUnprotectException(string message)
        : base(message)
    {
        Path = "";
    }

    public SecretUnprotectException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    public SecretUnprotectException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    public string Path { get; }
}
