using System.CommandLine;

namespace DockGateway.Provisioning.Audit;

/// <summary>The <c>dockctl audit</c> command group: <c>export</c> an auditor bundle, <c>verify</c> one offline.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Export and verify auditor bundles of a dock's custody log");
        audit.Subcommands.Add(CreateVerify());
        return audit;
    }

    private static Command CreateVerify()
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "The bundle directory (checkpoint, entries.jsonl, keys.txt, proofs/)" };
        var footage = new Option<string?>("--footage")
        {
            Description = "The dock's footage directory: hash every stored copy and compare it with its entry",
            HelpName = "DIR",
        };
        var keys = new Option<string[]>("--key")
        {
            Description = "A verifier key to trust (name+hexkeyid+base64), repeatable; preferred over the bundle's own keys.txt",
            HelpName = "VERIFIERKEY",
            Arity = ArgumentArity.OneOrMore,
        };
        var verify = new Command("verify", "Verify an auditor bundle offline; exit 0 when every check passes, 1 on any failure")
        {
            bundle, footage, keys,
        };
        verify.SetAction(parse =>
        {
            var loaded = AuditBundle.Load(parse.GetRequiredValue(bundle));
            var options = new VerificationOptions
            {
                PinnedKeys = parse.GetValue(keys) ?? [],
                FootageDirectory = parse.GetValue(footage),
            };
            var report = BundleVerifier.Verify(loaded, options);
            var output = parse.InvocationConfiguration.Output;
            var rich = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            new ReportWriter(output, rich).Write(report);
            return report.Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return verify;
    }
}
