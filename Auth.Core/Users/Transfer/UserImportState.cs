using Auth.Core.Activity;
using Auth.Core.Data.Entities;

namespace Auth.Core.Users.Transfer;

/// <summary>The running tally of one import: identifiers seen in the file, counts, the first errors.</summary>
internal sealed class UserImportState(int rows, bool dryRun, UserFileFormat format)
{
    public sealed record Candidate(int Row, User User, bool IdGiven);

    public sealed record Outcome(List<Candidate> New, int Existing, List<UserImportRowError> Errors);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<UserImportRowError> _errors = [];
    private int _created, _existing, _failed, _failedSinceEvent;

    public bool DryRun => dryRun;
    public bool EventWritten { get; set; }
    public bool HasUnrecordedFailures => _failedSinceEvent > 0;

    public void Fail(UserImportRowError error)
    {
        _failed++;
        _failedSinceEvent++;
        if (_errors.Count < UserImport.MaxListedErrors) _errors.Add(error);
    }

    /// <summary>The error when an earlier row of the file had one of this user's identifiers; else remembers them.</summary>
    public UserImportRowError? DuplicateInFile(int row, User user)
    {
        var keys = Keys(user).ToList();
        if (keys.FirstOrDefault(k => _seen.Contains(k.Key)) is { Key: not null } taken)
            return new UserImportRowError(row, taken.Field, ImportRowCodes.DuplicateInFile, $"An earlier row of the file has the same {taken.Field}.");
        foreach (var key in keys) _seen.Add(key.Key);
        return null;
    }

    /// <summary>
    /// New, existing (every stored user it matches is one and the same, and a given id is that user's), or a conflict.
    /// </summary>
    public static Outcome Classify(List<Candidate> batch, List<ExistingUser> stored)
    {
        var outcome = new Outcome([], 0, []);
        var existing = 0;
        foreach (var c in batch)
        {
            var u = c.User;
            var matches = stored.Where(s =>
                (u.NormalizedEmail is not null && s.NormalizedEmail == u.NormalizedEmail) || (u.Phone is not null && s.Phone == u.Phone)
                || s.Id == u.Id || (u.Provider != User.LocalProvider && s.Provider == u.Provider && s.ProviderUserId == u.ProviderUserId)).ToList();
            if (matches.Count == 0) outcome.New.Add(c);
            else if (matches.Count == 1 && (!c.IdGiven || matches[0].Id == u.Id)) existing++;
            else outcome.Errors.Add(new UserImportRowError(c.Row, ConflictField(u, matches), ImportRowCodes.Conflict,
                "The row's identifiers belong to different existing users (or its id to another user)."));
        }
        return outcome with { Existing = existing };
    }

    public void Commit(Outcome outcome)
    {
        _created += outcome.New.Count;
        _existing += outcome.Existing;
        foreach (var error in outcome.Errors) Fail(error);
        _failedSinceEvent = 0;
    }

    public EventDetail EventDetail(Outcome outcome) => new()
    {
        Count = outcome.New.Count,
        Existing = outcome.Existing,
        Failed = _failedSinceEvent + outcome.Errors.Count,
        Format = format.ToString().ToLowerInvariant(),
    };

    public UserImportReport Report() =>
        new(rows, _created, _existing, _failed, dryRun, _errors, _failed > _errors.Count);

    private static IEnumerable<(string Key, string Field)> Keys(User u)
    {
        if (u.NormalizedEmail is not null) yield return ("e:" + u.NormalizedEmail, "email");
        if (u.Phone is not null) yield return ("p:" + u.Phone, "phone");
        yield return ("i:" + u.Id, "id");
        if (u.Provider != User.LocalProvider) yield return ($"o:{u.Provider}:{u.ProviderUserId}", "providerUserId");
    }

    private static string ConflictField(User u, List<ExistingUser> matches) =>
        matches.Any(m => m.Id == u.Id) ? "id"
        : u.Phone is not null && matches.Any(m => m.Phone == u.Phone) ? "phone"
        : "email";
}
