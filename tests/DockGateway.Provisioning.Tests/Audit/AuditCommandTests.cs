using System.CommandLine;
using DockGateway.Provisioning.Audit;
using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private readonly TestBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    private static (int Code, string Output, string Error) Dockctl(params string[] args)
    {
        var root = new RootCommand("dockctl");
        root.Subcommands.Add(AuditCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DockctlInvocation.Run(root, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Verify_exits_0_and_prints_a_plain_report_for_an_intact_bundle()
    {
        var (code, output, _) = Dockctl("audit", "verify", _bundle.Directory, "--key", _bundle.VerifierKey, "--footage", _bundle.Footage);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("RESULT: PASSED", output, StringComparison.Ordinal);
        Assert.Contains("files ingested 3, erased from recorders 2", output, StringComparison.Ordinal);
        Assert.Contains("ingested but never erased from the recorder: 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_1_and_names_the_failure_for_a_tampered_footage_file()
    {
        File.AppendAllText(_bundle.StoredPath(0), "x");

        var (code, output, _) = Dockctl("audit", "verify", _bundle.Directory, "--footage", _bundle.Footage);

        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains($"FAIL  entry 1 field stored: stored file 'CAM-1/{_bundle.Shas[0]}.mp4' has SHA-256", output, StringComparison.Ordinal);
        Assert.Contains("RESULT: FAILED: 1 failure(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_2_for_a_bundle_directory_that_does_not_exist()
    {
        var (code, _, error) = Dockctl("audit", "verify", Path.Combine(_bundle.Directory, "nope"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("bundle directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_2_for_an_empty_bundle_directory_and_names_what_is_missing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_bundle.Directory, "..", "empty-bundle")).FullName;

        var (code, output, error) = Dockctl("audit", "verify", empty, "--key", _bundle.VerifierKey);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("checkpoint, entries.jsonl", error, StringComparison.Ordinal);
        Assert.Contains(empty, error, StringComparison.Ordinal);
        Assert.DoesNotContain("RESULT", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_2_when_the_bundle_path_is_a_file()
    {
        var (code, _, error) = Dockctl("audit", "verify", Path.Combine(_bundle.Directory, "keys.txt"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("keys.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_2_when_a_bundle_file_cannot_be_read_as_one()
    {
        File.Delete(Path.Combine(_bundle.Directory, "entries.jsonl"));
        Directory.CreateDirectory(Path.Combine(_bundle.Directory, "entries.jsonl"));

        var (code, _, error) = Dockctl("audit", "verify", _bundle.Directory, "--key", _bundle.VerifierKey);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("entries.jsonl' is a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_1_with_a_clear_line_when_a_pinned_witness_did_not_cosign()
    {
        using var witnessKey = DockGateway.Shared.Crypto.Ed25519PrivateKey.Generate();
        var witness = new DockGateway.Shared.Notes.CosignatureSigner("witness.cloud.example", witnessKey);

        var (code, output, _) = Dockctl("audit", "verify", _bundle.Directory, "--key", _bundle.VerifierKey, "--key", witness.VerifierKey);

        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains("FAIL  checkpoint: not cosigned by witness witness.cloud.example+", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_2_for_a_malformed_key()
    {
        var (code, _, error) = Dockctl("audit", "verify", _bundle.Directory, "--key", "not-a-key");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--key 'not-a-key'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_exits_2_and_says_why_when_the_data_directory_holds_no_custody_log()
    {
        var data = Directory.CreateDirectory(Path.Combine(_bundle.Directory, "..", "empty-data")).FullName;

        var (code, _, error) = Dockctl("audit", "export", "--data", data, "--out", Path.Combine(data, "..", "out"));

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("audit export:", error, StringComparison.Ordinal);
        Assert.Contains("custody.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_requires_data_and_out()
    {
        Assert.Equal(ExitCodes.UsageError, Dockctl("audit", "export", "--data", "x").Code);
        Assert.Equal(ExitCodes.UsageError, Dockctl("audit", "export", "--out", "x").Code);
    }

    [Theory]
    [InlineData("audit", "verify")]
    [InlineData("audit", "verify", "b", "--unknown")]
    [InlineData("audit")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args) =>
        Assert.Equal(ExitCodes.UsageError, Dockctl(args).Code);

    [Fact]
    public void Help_describes_the_options_and_exits_0()
    {
        var (code, output, _) = Dockctl("audit", "verify", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("--footage", output, StringComparison.Ordinal);
        Assert.Contains("--key", output, StringComparison.Ordinal);
    }
}
