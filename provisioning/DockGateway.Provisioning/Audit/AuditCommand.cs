using System.CommandLine;
using DockGateway.Device.Custody.Audit;

namespace DockGateway.Provisioning.Audit;

/// <summary>The <c>dockctl audit</c> command group: <c>export</c> an auditor bundle, <c>verify</c> one offline.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Export and verify auditor bundles of a dock's custody log");
        audit.Subcommands.Add(CreateExport());
        audit.Subcommands.Add(CreateVerify());
        return audit;
    }

    private static Command CreateExport()
    {
        var data = new Option<string>("--data") { Description = "The dock's data directory (custody.db, dock.key, footage/)", HelpName = "DATADIR", Required = true };
        var output = new Option<string>("--out") { Description = "The bundle directory to write; must not exist or be empty", HelpName = "BUNDLE", Required = true };
        var export = new Command("export", "Write an auditor bundle (checkpoint, entries.jsonl, keys.txt, checkpoints/, proofs/) from a dock's data directory")
        {
            data, output,
        };
        export.SetAction(parse =>
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new InputException("audit export reads a dock's data directory and runs on Linux only (audit verify runs anywhere)");
            }

            AuditExportResult result;
            try
            {
                result = AuditExporter.Export(parse.GetRequiredValue(data), parse.GetRequiredValue(output));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                throw new InputException($"audit export: {e.Message}", e);
            }

            parse.InvocationConfiguration.Output.WriteLine(
                $"exported {result.TreeSize} entries, {result.Proofs} proofs and {result.VerifierKeys} verifier key(s) to {result.Directory}");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command CreateVerify()
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "The bundle directory (checkpoint, entries.jsonl, keys.txt, checkpoints/, proofs/)" };
        var footage = new Option<string?>("--footage")
        {
            Description = "The dock's footage directory: hash every stored copy and compare it with its entry",
            HelpName = "DIR",
        };
        var keys = new Option<string[]>("--key")
        {
            Description = "A verifier key to trust (name+hexkeyid+base64), repeatable: the dock's, and a witness's to require its cosignature; preferred over the bundle's own keys.txt",
            HelpName = "VERIFIERKEY",
            Arity = ArgumentArity.OneOrMore,
        };
        var requireWitness = new Option<bool>("--require-witness")
        {
            Description = "Fail unless the checkpoint carries a valid cosignature by every trusted witness (implied when a witness key is pinned with --key)",
        };
        var footageFor = new Option<string[]>("--footage-for")
        {
            Description = "With --footage: hash only the stored copies of the entries with this SHA-256 (repeatable), e.g. a case package's files; each must be present",
            HelpName = "SHA256",
            Arity = ArgumentArity.OneOrMore,
        };
        var verify = new Command("verify", "Verify an auditor bundle offline; exit 0 when every check passes, 1 on any failure, 2 on unusable input (no bundle, an empty one, a bad --key)")
        {
            bundle, footage, keys, requireWitness, footageFor,
        };
        verify.SetAction(parse =>
        {
            var loaded = AuditBundle.Load(parse.GetRequiredValue(bundle));
            var options = new VerificationOptions
            {
                PinnedKeys = parse.GetValue(keys) ?? [],
                FootageDirectory = parse.GetValue(footage),
                RequireWitness = parse.GetValue(requireWitness),
                FootageFor = parse.GetValue(footageFor) ?? [],
            };
            if (options.FootageFor.Count > 0 && options.FootageDirectory is null)
            {
                throw new InputException("--footage-for needs --footage DIR (the directory holding those files)");
            }

            var report = BundleVerifier.Verify(loaded, options);
            var output = parse.InvocationConfiguration.Output;
            var rich = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            new ReportWriter(output, rich).Write(report);
            return report.Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return verify;
    }
}
