using Scriban.Runtime;

namespace Auth.Core.Messaging;

/// <summary>One variable a template can insert, with the value it has in a given model (null when unset).</summary>
public sealed record MessageVariable(string Name, object? Value);

/// <summary>
/// The variables of the message model, read from the script object templates really see, so the studio's
/// list can never drift from what renders.
/// </summary>
public static class MessageVariables
{
    private static readonly MessageModel Empty = new(
        new MessageUser(null, null, null),
        new MessageToken(null, null, null, null, null, default, default, ""),
        "");

    /// <summary>Every variable name, e.g. <c>user.name</c>, <c>token.confirmationURL</c>, <c>app.name</c>, in model order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Of(Empty).Select(v => v.Name)];

    /// <summary>Each variable with its value in <paramref name="model"/>.</summary>
    public static IReadOnlyList<MessageVariable> Of(MessageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var variables = new List<MessageVariable>();
        foreach (var (root, child) in model.ToScriptObject())
        {
            if (child is not ScriptObject members) continue;
            foreach (var (member, value) in members) variables.Add(new MessageVariable($"{root}.{member}", value));
        }
        return variables;
    }
}
