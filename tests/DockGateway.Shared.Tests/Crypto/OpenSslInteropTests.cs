using System.Diagnostics;
using DockGateway.Shared.Crypto;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Shared.Tests.Crypto;

public sealed class OpenSslInteropTests : IDisposable
{
    // DER SubjectPublicKeyInfo prefix for an Ed25519 public key (RFC 8410), see INTEROP_NOTES.md.
    private static readonly byte[] s_spkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-openssl-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [RequiresFact(Needs.OpenSsl)]
    public void Openssl_verifies_a_libsodium_signature_and_rejects_a_tampered_one()
    {
        using var key = Ed25519PrivateKey.Generate();
        var message = "DockGateway custody checkpoint\n"u8.ToArray();
        var signature = key.Sign(message);
        var pub = Path.Combine(_directory, "pub.der");
        var msg = Path.Combine(_directory, "msg");
        var sig = Path.Combine(_directory, "sig");
        File.WriteAllBytes(pub, [.. s_spkiPrefix, .. key.PublicKey]);
        File.WriteAllBytes(msg, message);
        File.WriteAllBytes(sig, signature);

        var (code, output) = Verify(pub, msg, sig);
        Assert.True(code == 0, output);
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);

        signature[10] ^= 1;
        File.WriteAllBytes(sig, signature);
        var (badCode, badOutput) = Verify(pub, msg, sig);
        Assert.NotEqual(0, badCode);
        Assert.Contains("Signature Verification Failure", badOutput, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Verify(string pub, string msg, string sig)
    {
        var start = new ProcessStartInfo(Requirements.Find("openssl")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", pub, "-rawin", "-in", msg, "-sigfile", sig })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
