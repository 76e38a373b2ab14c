namespace Auth.Core.Messaging;

/// <summary>A template error or warning; <see cref="Line"/> and <see cref="Column"/> are 1-based (0 when unknown).</summary>
public sealed record TemplateProblem(string Message, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"Line {Line}, column {Column}: {Message}" : Message;
}
