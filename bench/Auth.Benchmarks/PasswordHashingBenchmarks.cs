using Auth.Core.Users;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Auth.Benchmarks;

/// <summary>
/// Our PBKDF2-HMAC-SHA512 at 210,000 iterations against the peer a .NET team would otherwise use:
/// ASP.NET Core Identity's PasswordHasher (V3: PBKDF2-HMAC-SHA512, 100,000 iterations).
/// </summary>
[MemoryDiagnoser]
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery staple";
    private readonly PasswordHasher _ours = new(new PasswordHashingOptions());
    private readonly PasswordHasher<object> _identity = new(Options.Create(new PasswordHasherOptions()));
    private readonly object _user = new();
    private string _ourHash = "";
    private string _identityHash = "";

    [GlobalSetup]
    public void Setup()
    {
        _ourHash = _ours.Hash(Password);
        _identityHash = _identity.HashPassword(_user, Password);
    }

    [Benchmark(Baseline = true)]
    public PasswordVerification Verify_AuthStudio() => _ours.Verify(_ourHash, Password);

    [Benchmark]
    public PasswordVerificationResult Verify_AspNetCoreIdentity() => _identity.VerifyHashedPassword(_user, _identityHash, Password);
}
