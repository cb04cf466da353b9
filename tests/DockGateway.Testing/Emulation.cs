namespace DockGateway.Testing;

/// <summary>
/// Running arm64 programs (the Raspberry Pi build) on this amd64 machine with qemu's user-mode emulator, named
/// explicitly because a container cannot always register binfmt_misc. The arm64 libraries come from Debian's
/// multiarch packages (<c>libc6:arm64</c> …, installed by scripts/install-deps.sh), where the program's loader
/// looks for them, so no <c>QEMU_LD_PREFIX</c> is needed.
/// <para>
/// The guest runs with <c>DOTNET_EnableWriteXorExecute=0</c> (qemu's <c>-E</c>): .NET's W^X maps JIT code twice and writes
/// it through the writable alias, which qemu-user does not watch, so code the runtime rewrites (stubs, emitted accessors)
/// can run stale from qemu's translation cache (seen here: a NullReferenceException inside System.Text.Json's emitted
/// getter on the first custody entry). With one mapping qemu sees the writes. Emulation only: a real arm64 CPU keeps W^X.
/// </para>
/// </summary>
public static class Emulation
{
    public const string Arm64Emulator = "qemu-aarch64-static";

    /// <summary>The command that runs the arm64 <paramref name="executable"/> under emulation: emulator first.</summary>
    public static IReadOnlyList<string> Arm64(string executable) =>
        [Requirements.Find(Arm64Emulator) ?? Arm64Emulator, "-E", "DOTNET_EnableWriteXorExecute=0", executable];
}
