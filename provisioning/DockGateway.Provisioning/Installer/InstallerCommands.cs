using System.CommandLine;
using DockGateway.Device;

namespace DockGateway.Provisioning.Installer;

/// <summary>The installer's commands: <c>init</c>, <c>enroll</c>, <c>slots learn</c>, <c>doctor</c>. Program.cs adds them to the root.</summary>
public static class InstallerCommands
{
    public static IReadOnlyList<Command> Create(Func<HttpClient>? http = null)
    {
        Option<string> Config() => new("--config")
        {
            Description = $"The dock's configuration file (default: ${DockComposition.ConfigEnvironmentVariable} as the dock reads it, else {DockConfigFile.DefaultPath})",
            HelpName = "FILE",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DockComposition.ConfigEnvironmentVariable) is { Length: > 0 } path ? path : DockConfigFile.DefaultPath,
        };

        return
        [
            InitCommand.Create(Config()),
            EnrollCommand.Create(Config(), http),
            SlotsCommand.Create(Config()),
            DoctorCommand.Create(Config(), http),
        ];
    }
}
