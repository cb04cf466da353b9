using System.CommandLine;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Audit;

// dockctl: one root command, one line per command group.
var root = new RootCommand("dockctl: DockGateway tools for installers, equipment managers and auditors");
root.Subcommands.Add(AuditCommand.Create());
return DockctlInvocation.Run(root, args);
