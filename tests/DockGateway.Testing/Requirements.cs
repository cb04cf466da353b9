namespace DockGateway.Testing;

/// <summary>
/// Facilities a test may need that a machine can lack. Each check returns null when the
/// facility is present, or the reason to print when the test is skipped.
/// </summary>
public static class Requirements
{
    public static string? Reason(Needs need) => need switch
    {
        Needs.Mosquitto => All(Program("mosquitto"), Program("mosquitto_sub"), Program("mosquitto_pub")),
        Needs.Postgres => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKGW_TEST_POSTGRES"))
            ? "DOCKGW_TEST_POSTGRES is not set: no PostgreSQL server to test against (./test.sh starts one)"
            : null,
        Needs.Fuse => File.Exists("/dev/fuse") ? null : "/dev/fuse is missing: FUSE is not available here",
        Needs.Root => Environment.UserName == "root" ? null : "needs root (mounting, FUSE): ./test.sh runs as root",
        Needs.OpenSsl => Program("openssl"),
        Needs.Mtools => All(Program("mcopy"), Program("mkfs.vfat"), Program("mkfs.exfat")),
        Needs.Gpiod => NativeLibrary("libgpiod.so.3") is null ? null : NativeLibrary("libgpiod.so.2"),
        Needs.LoopExt4 => All(
            Program("mkfs.ext4"),
            File.Exists("/dev/loop-control") ? null : "/dev/loop-control is missing: no loop devices here",
            File.ReadAllText("/proc/filesystems").Contains("\text4\n", StringComparison.Ordinal) ? null : "this kernel has no ext4"),
        Needs.Strace => All(
            Program("strace"),
            OperatingSystem.IsLinux() ? null : "strace traces Linux system calls only"),
        Needs.Dpkg => All(Program("dpkg"), Program("dpkg-deb")),
        Needs.QemuArm64 => All(
            Program(Emulation.Arm64Emulator),
            File.Exists("/lib/ld-linux-aarch64.so.1") && File.Exists("/usr/lib/aarch64-linux-gnu/libssl.so.3")
                ? null
                : "the arm64 C library and OpenSSL are not installed (dpkg --add-architecture arm64; libc6:arm64 libssl3:arm64: ./test.sh installs them)"),
        Needs.Haproxy => Program("haproxy"),
        Needs.S3rver => All(
            Program("node"),
            File.Exists(Path.Combine(S3rverDirectory, "node_modules", "s3rver", "bin", "s3rver.js"))
                ? null
                : $"s3rver is not installed: run 'npm ci --prefix {S3rverDirectory}' (./test.sh does)"),
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, "unknown requirement"),
    };

    /// <summary>Where npm installs the local S3-compatible server (s3rver, pinned by its package-lock.json).</summary>
    public static string S3rverDirectory => Path.Combine(RepoPaths.Root, "tests", "DockGateway.Cloud.Tests", "Blobs", "S3rver");

    /// <summary>The first reason among the given checks, or null when all are met.</summary>
    public static string? All(params string?[] reasons) => reasons.FirstOrDefault(r => r is not null);

    /// <summary>Full path of an installed program (PATH plus the sbin folders), or null.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static string? Program(string name) =>
        Find(name) is null ? $"'{name}' is not installed (./test.sh installs it)" : null;

    private static string? NativeLibrary(string soname)
    {
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(soname, out var handle))
        {
            return $"native library {soname} is not installed (./test.sh installs it)";
        }

        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return null;
    }
}
