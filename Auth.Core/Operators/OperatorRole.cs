namespace Auth.Core.Operators;

/// <summary>
/// What an operator may do. Owner is the zero value on purpose: the column's database default, so every
/// operator that existed before roles keeps full access (docs/decisions/0017).
/// </summary>
public enum OperatorRole
{
    /// <summary>Everything: settings, providers, templates, redirect URLs, versions, operators, users, messages.</summary>
    Owner = 0,

    /// <summary>Users, activity and messages only; never settings or operators.</summary>
    Support = 1,
}
