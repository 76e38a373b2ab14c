using System.Runtime.CompilerServices;

namespace Auth.Tests.Shared;

/// <summary>
/// Settings for every host a test process starts. Each host would otherwise watch appsettings.json and its
/// content root with inotify; a few dozen hosts alive at once exhaust the per-user limit (128 on Debian),
/// and the next host fails to start. Tests never edit those files, so nothing needs watching.
/// </summary>
internal static class TestProcess
{
#pragma warning disable CA2255 // A test assembly is where this belongs: it runs before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
