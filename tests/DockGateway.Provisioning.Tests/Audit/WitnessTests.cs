using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

public sealed class WitnessTests : IDisposable
{
    private readonly TestBundle _bundle = new();
    private readonly Ed25519PrivateKey _witnessKey = Ed25519PrivateKey.Generate();
    private readonly CosignatureSigner _witness;

    public WitnessTests() => _witness = new CosignatureSigner("witness.cloud.example", _witnessKey);

    public void Dispose()
    {
        _witnessKey.Dispose();
        _bundle.Dispose();
    }

    private void Cosign(Func<string, string>? tamperBody = null)
    {
        var note = SignedNote.Parse(_bundle.CheckpointText);
        var body = tamperBody?.Invoke(note.Text) ?? note.Text;
        var cosigned = note.WithSignature(_witness.Sign(body, 1_795_000_000));
        File.WriteAllText(Path.Combine(_bundle.Directory, "checkpoint"), cosigned.ToString());
        File.AppendAllText(Path.Combine(_bundle.Directory, "keys.txt"), _witness.VerifierKey + "\n");
    }

    private VerificationReport Verify(bool pinWitness) =>
        BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), new VerificationOptions
        {
            PinnedKeys = pinWitness ? [_bundle.VerifierKey, _witness.VerifierKey] : [],
        });

    [Fact]
    public void A_witness_cosignature_listed_in_keys_txt_is_verified_and_reported()
    {
        Cosign();

        var report = Verify(pinWitness: false);

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Contains(report.Checks, c => c.StartsWith("checkpoint cosigned by witness witness.cloud.example+", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cosignature_over_another_body_fails()
    {
        Cosign(body => body.Replace("\n9\n", "\n10\n", StringComparison.Ordinal));

        var report = Verify(pinWitness: true);

        Assert.Contains(report.Failures, f => f.Where == "checkpoint" && f.Message.Contains("cosignature by witness witness.cloud.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Require_witness_fails_a_checkpoint_without_the_cosignature_of_a_witness_listed_in_keys_txt()
    {
        File.AppendAllText(Path.Combine(_bundle.Directory, "keys.txt"), _witness.VerifierKey + "\n");
        var options = new VerificationOptions { RequireWitness = true };

        var report = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), options);
        var without = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), options with { RequireWitness = false });

        Assert.Contains(report.Failures, f => f.Where == "checkpoint" && f.Message.Contains("(required: --require-witness)", StringComparison.Ordinal));
        Assert.True(without.Passed, string.Join("\n", without.Failures));
        Assert.Contains(without.Warnings, w => w.Message.StartsWith("not cosigned by witness", StringComparison.Ordinal));
    }

    [Fact]
    public void Require_witness_without_any_witness_key_fails_saying_so()
    {
        var report = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), new VerificationOptions { PinnedKeys = [_bundle.VerifierKey], RequireWitness = true });

        Assert.Contains(report.Failures, f => f.Where == "--require-witness" && f.Message.StartsWith("no witness key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pinned_witness_that_cosigned_passes()
    {
        Cosign();

        var report = Verify(pinWitness: true);

        Assert.True(report.Passed, string.Join("\n", report.Failures));
    }

    [Fact]
    public void A_checkpoint_stripped_of_the_pinned_witness_cosignature_fails()
    {
        Cosign();
        var note = SignedNote.Parse(File.ReadAllText(Path.Combine(_bundle.Directory, "checkpoint")));
        File.WriteAllText(Path.Combine(_bundle.Directory, "checkpoint"), _bundle.CheckpointText); // the dock's signature only
        Assert.Equal(2, note.Signatures.Count);

        var report = Verify(pinWitness: true);

        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Where == "checkpoint" && f.Message.StartsWith("not cosigned by witness witness.cloud.example+", StringComparison.Ordinal));
    }
}
