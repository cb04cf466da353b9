using System.CommandLine;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Audit;

// dockctl: one root command, one line per command group.
var root = new RootCommand("dockctl: DockGateway tools for installers, equipment managers and auditors");
root.Subcommands.Add(AuditCommand.Create());
foreach (var command in DockGateway.Provisioning.Installer.InstallerCommands.Create()) { root.Subcommands.Add(command); }
return DockctlInvocation.Run(root, args);
