namespace Auth.Core.Users;

/// <summary>
/// Work factor of <see cref="PasswordHasher"/>. The floor is OWASP's figure for PBKDF2-HMAC-SHA512;
/// raising it later is safe because old hashes verify as <see cref="PasswordVerification.SuccessRehashNeeded"/>.
/// </summary>
public sealed record PasswordHashingOptions
{
    public const int MinimumIterations = 210_000;

    // Not readonly only so ForTests can bypass the init guard.
    private int _iterations = MinimumIterations;

    /// <summary>PBKDF2 iterations for new hashes; at least <see cref="MinimumIterations"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below <see cref="MinimumIterations"/>: a typo in
    /// configuration must not silently weaken every password stored from then on.</exception>
    public int Iterations
    {
        get => _iterations;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinimumIterations);
            _iterations = value;
        }
    }

    /// <summary>Test hook: cheap hashing so unit tests stay fast. Never used by product code.</summary>
    internal static PasswordHashingOptions ForTests(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var options = new PasswordHashingOptions();
        options._iterations = iterations;
        return options;
    }
}
