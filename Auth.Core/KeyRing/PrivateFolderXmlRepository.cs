using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Auth.Core.KeyRing;

/// <summary>
/// The key ring as one XML file per key in a folder only this user can open (0700, files 0600 on Unix):
/// the ring stays out of the database, so a copy of the database alone decrypts nothing.
/// </summary>
public sealed class PrivateFolderXmlRepository : IXmlRepository
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Created on first use, not here: start-up looks at whether the folder already exists (an earlier
    // database lived here) before anything is written.
    public PrivateFolderXmlRepository(string folder) => Folder = Path.GetFullPath(folder);

    public string Folder { get; }

    /// <summary>Creates the folder private, or narrows an existing one (a folder made by hand is often 0755).</summary>
    public static void EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, FolderMode);
        if (File.GetUnixFileMode(folder) != FolderMode) File.SetUnixFileMode(folder, FolderMode);
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!Directory.Exists(Folder)) return [];
        EnsureFolder(Folder);
        return [.. Directory.EnumerateFiles(Folder, "*.xml").Order(StringComparer.Ordinal).Select(f => XElement.Load(f))];
    }

    /// <summary>True when the folder holds at least one key: a sign that a database used it before.</summary>
    public static bool HoldsKeys(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.xml").Any();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        EnsureFolder(Folder);
        var name = IsSafeName(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N");
        var temp = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".tmp");
        // Created private from the first byte (no window where the file is world-readable), then renamed in.
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (var stream = new FileStream(temp, options))
            element.Save(stream, SaveOptions.DisableFormatting);
        File.Move(temp, Path.Combine(Folder, name + ".xml"), overwrite: true);
    }

    private static bool IsSafeName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
