namespace Auth.Core.Messaging;

/// <summary>
/// What an operator's template may cost. Scriban checks the loop, recursion, string and output limits
/// as it runs; the deadline is enforced both inside (its cancellation token) and outside (a watchdog).
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>Longest template source accepted, in characters (the settings cap bodies at 64 KB too).</summary>
    public int MaxTemplateLength { get; init; } = 64 * 1024;

    /// <summary>Deepest nesting of statements and expressions the parser accepts.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Iterations of all loops together (and built-ins that iterate), per render.</summary>
    public int LoopLimit { get; init; } = 1000;

    public int RecursionLimit { get; init; } = 20;

    /// <summary>Longest string any one value may become.</summary>
    public int MaxStringLength { get; init; } = 100_000;

    /// <summary>Largest rendered output, in characters.</summary>
    public int MaxOutputLength { get; init; } = 200_000;

    /// <summary>Widest padding <c>string.pad_left/pad_right</c> may ask for.</summary>
    public int MaxPadWidth { get; init; } = 1000;

    /// <summary>When a render is cancelled from inside.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When the caller stops waiting even if the render never reached a cancellation check.</summary>
    public TimeSpan HardDeadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Renders running at once; a runaway keeps its slot until it really stops.</summary>
    public int MaxConcurrentRenders { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);
}
