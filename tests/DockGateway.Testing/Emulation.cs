namespace DockGateway.Testing;

/// <summary>
/// Running arm64 programs (the Raspberry Pi build) on this amd64 machine with qemu's user-mode emulator, named
/// explicitly because a container cannot always register binfmt_misc. The arm64 libraries come from Debian's
/// multiarch packages (<c>libc6:arm64</c> …, installed by scripts/install-deps.sh), where the program's loader
/// looks for them, so no <c>QEMU_LD_PREFIX</c> is needed.
/// </summary>
public static class Emulation
{
    public const string Arm64Emulator = "qemu-aarch64-static";

    /// <summary>The command that runs the arm64 <paramref name="executable"/> under emulation: emulator first.</summary>
    public static IReadOnlyList<string> Arm64(string executable) => [Requirements.Find(Arm64Emulator) ?? Arm64Emulator, executable];
}
