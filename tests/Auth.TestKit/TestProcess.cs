using Xunit.Sdk;
using Xunit.v3;

namespace Auth.TestKit;

/// <summary>
/// Settings for every host a test process starts. Each host would otherwise watch appsettings.json and its
/// content root with inotify; a few dozen hosts alive at once exhaust the per-user limit (128 on Debian),
/// and the next host fails to start. Tests never edit those files, so nothing needs watching.
/// A test project that starts hosts runs this before its first test with
/// <c>[assembly: TestPipelineStartup(typeof(Auth.TestKit.TestProcess))]</c> (an AssemblyAttribute in its csproj).
/// </summary>
public sealed class TestProcess : ITestPipelineStartup
{
    public static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public ValueTask StartAsync(IMessageSink diagnosticMessageSink)
    {
        Initialize();
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync() => ValueTask.CompletedTask;
}
