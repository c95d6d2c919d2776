using System.Runtime.CompilerServices;

namespace IswPanel.Testing;

/// <summary>
/// Settings for the whole test process, applied when this assembly loads. The tests start many copies of the app;
/// each would watch its appsettings files for changes, and Linux allows a process only 128 inotify instances.
/// Nothing in a test changes those files, so reloading is switched off.
/// </summary>
internal static class TestProcessSettings
{
#pragma warning disable CA2255 // This library exists only to be loaded by the test processes it configures.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
