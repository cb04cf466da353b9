using System.Diagnostics;
using System.Text;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

/// <summary>An auditor without our tools can check the checkpoint signature with OpenSSL alone.</summary>
public sealed class CheckpointOpenSslTests : IDisposable
{
    private readonly TestBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [RequiresFact(Needs.OpenSsl)]
    public void Bundle_checkpoint_signature_verifies_with_openssl_pkeyutl_rawin()
    {
        var work = Path.Combine(_bundle.Directory, "..", "openssl");
        Directory.CreateDirectory(work);
        var note = SignedNote.Parse(_bundle.CheckpointText);
        var key = NoteVerifier.Parse(_bundle.VerifierKey);
        // Ed25519 SubjectPublicKeyInfo: the fixed RFC 8410 DER prefix, then the 32-byte key.
        var spki = Convert.FromHexString("302a300506032b6570032100").Concat(key.PublicKey).ToArray();
        File.WriteAllText(Path.Combine(work, "pub.pem"), $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(spki)}\n-----END PUBLIC KEY-----\n");
        File.WriteAllBytes(Path.Combine(work, "sig"), Assert.Single(note.Signatures).Signature);
        File.WriteAllBytes(Path.Combine(work, "text"), Encoding.UTF8.GetBytes(note.Text));
        File.WriteAllBytes(Path.Combine(work, "forged"), Encoding.UTF8.GetBytes(note.Text.Replace("\n9\n", "\n8\n", StringComparison.Ordinal)));

        Assert.Equal(0, OpenSslVerify(work, "text"));
        Assert.NotEqual(0, OpenSslVerify(work, "forged"));
    }

    private static int OpenSslVerify(string work, string input)
    {
        var start = new ProcessStartInfo("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", input, "-sigfile", "sig"])
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
