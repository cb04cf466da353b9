using System.CommandLine;
using System.Globalization;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Audit;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>Runs <c>dockctl audit …</c> in process, as an auditor would on the command line, and hands its output to <paramref name="log"/>.</summary>
internal static class DockctlAudit
{
    public static int Run(Action<string> log, params string[] args)
    {
        var root = new RootCommand("dockctl");
        root.Subcommands.Add(AuditCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DockctlInvocation.Run(root, args, stdout, stderr);
        log(string.Create(CultureInfo.InvariantCulture, $"dockctl {string.Join(' ', args)} -> {code}\n{stdout}{stderr}"));
        return code;
    }
}
