using System.Net.Sockets;
using System.Runtime.InteropServices;
using DockGateway.Device.Hardware;
using DockGateway.Shared.Crypto;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// The checks of <c>dockctl doctor</c>; each returns pass/fail with what it saw and how to fix it. The broker and the
/// cloud are the ones the configuration names (Mqtt:Host and Mqtt:Port, Sync:CloudUrl); <paramref name="broker"/>
/// (host:port) overrides the former when given.
/// </summary>
public sealed class DoctorChecks(string configPath, string? broker, Func<HttpClient> http, TimeProvider time)
{
    private static readonly (string Soname, string Package)[] s_libraries =
    [
        ("libusb-1.0.so.0", "libusb-1.0-0"),
    ];

    private static readonly (string Program, string Package)[] s_tools =
        [("fusefat", "fusefat"), ("mount.exfat-fuse", "exfat-fuse"), ("fusermount", "fuse3"), ("losetup", "util-linux")];

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        checks.Add(Ed25519SelfTest());
        checks.AddRange(s_libraries.Select(l => Library(l.Soname, l.Package)));
        checks.Add(Libgpiod());
        checks.AddRange(s_tools.Select(t => FindProgram(t.Program) is { } path
            ? DoctorCheck.Pass($"program {t.Program}", path)
            : DoctorCheck.Fail($"program {t.Program}", "not found", $"apt-get install {t.Package}")));
        checks.Add(File.Exists("/dev/fuse") ? DoctorCheck.Pass("/dev/fuse", "present") : DoctorCheck.Fail("/dev/fuse", "missing", "modprobe fuse (and add it to /etc/modules)"));
        checks.Add(DoctorCheck.Pass("kernel file systems", string.Join(", ", new[] { FileSystemKind.Fat32, FileSystemKind.ExFat }
            .Select(k => $"{FileSystemProbe.KernelType(k)}: {(FileSystemProbe.KernelSupports(k) ? "kernel" : "FUSE fallback")}"))));

        DockConfigFile? file = null;
        try
        {
            file = DockConfigFile.Load(configPath);
            InitCommand.Validate(file);
            checks.Add(DoctorCheck.Pass("configuration", configPath));
        }
        catch (InputException e)
        {
            checks.Add(DoctorCheck.Fail("configuration", e.Message, file is null ? "dockctl init" : "fix the keys named above"));
        }

        var configuration = file?.ToConfiguration();
        var hardware = Hardware(configuration);
        if (file is not null)
        {
            checks.Add(hardware.Slots.Count > 0
                ? DoctorCheck.Pass("slot map", string.Join(", ", hardware.Slots.Select(s => $"{s.Slot}={s.Port}")))
                : DoctorCheck.Fail("slot map", "no slots mapped", "dockctl slots learn"));
            var data = configuration!["Dock:DataDirectory"] ?? "/var/lib/dockgateway";
            checks.Add(Mode("data directory", data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, "chmod 0700"));
            checks.Add(Mode("dock key", configuration["Dock:KeyFile"] ?? Path.Combine(data, "dock.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite, "chmod 0600 (or dockctl init)"));
        }

        var stale = MountTable.Read().Where(m => m.MountPoint.StartsWith(hardware.RunDirectory + "/", StringComparison.Ordinal)).ToList();
        checks.Add(stale.Count == 0
            ? DoctorCheck.Pass("mounts", $"nothing mounted under {hardware.RunDirectory}")
            : DoctorCheck.Fail("mounts", $"{stale.Count} mount(s) under {hardware.RunDirectory}: {string.Join(", ", stale.Select(m => m.MountPoint))}", "stop the service, then umount -l each"));
        checks.Add(Gpio(hardware));
        checks.Add(Display(hardware));
        checks.Add(await BrokerAsync(configuration, cancellationToken));
        checks.AddRange(await CloudAndClockAsync(configuration?["Sync:CloudUrl"], cancellationToken));
        return checks;
    }

    /// <summary>Dock:Hardware as the dock binds it; the defaults when it does not bind (the configuration check names the bad value).</summary>
    private static DockHardwareOptions Hardware(IConfiguration? configuration)
    {
        try
        {
            return configuration?.GetSection(DockHardwareOptions.Section).Get<DockHardwareOptions>() ?? new DockHardwareOptions();
        }
        catch (InvalidOperationException)
        {
            return new DockHardwareOptions();
        }
    }

    /// <summary>Signs and verifies once: proves NSec and the libsodium.so shipped with it load on this machine.</summary>
    private static DoctorCheck Ed25519SelfTest()
    {
        try
        {
            using var key = Ed25519PrivateKey.Generate();
            var message = "dockctl doctor"u8;
            return Ed25519.Verify(key.PublicKey, message, key.Sign(message))
                ? DoctorCheck.Pass("Ed25519 (NSec)", "sign/verify self-test passed (libsodium.so shipped with the build)")
                : DoctorCheck.Fail("Ed25519 (NSec)", "self-test signature did not verify", "reinstall the dockgateway package (apt install --reinstall dockgateway)");
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or PlatformNotSupportedException)
        {
            return DoctorCheck.Fail("Ed25519 (NSec)", e.Message, "reinstall the dockgateway package (apt install --reinstall dockgateway): libsodium.so must sit in /usr/lib/dockgateway");
        }
    }

    private static DoctorCheck Library(string soname, string package)
    {
        if (!NativeLibrary.TryLoad(soname, out var handle))
        {
            return DoctorCheck.Fail($"library {soname}", "not loadable", $"apt-get install {package}");
        }

        NativeLibrary.Free(handle);
        return DoctorCheck.Pass($"library {soname}", "loaded");
    }

    /// <summary>System.Device.Gpio loads libgpiod at run time: either major version will do.</summary>
    private static DoctorCheck Libgpiod()
    {
        try
        {
            var kind = LibgpiodLibrary.Resolve(GpioDriverKind.Auto);
            var soname = kind == GpioDriverKind.LibgpiodV2 ? LibgpiodLibrary.V2Soname : LibgpiodLibrary.V1Soname;
            return DoctorCheck.Pass("library libgpiod", $"{soname} loads (driver {kind})");
        }
        catch (GpioException e)
        {
            return DoctorCheck.Fail("library libgpiod", e.Message, $"apt-get install {LibgpiodLibrary.V2Package} (or {LibgpiodLibrary.V1Package} on Debian 12)");
        }
    }

    private static DoctorCheck Mode(string name, string path, UnixFileMode expected, string fix)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return DoctorCheck.Fail(name, $"{path} does not exist", "dockctl init");
        }

        var mode = File.GetUnixFileMode(path);
        return mode == expected
            ? DoctorCheck.Pass(name, $"{path} is {Octal(mode)}")
            : DoctorCheck.Fail(name, $"{path} is {Octal(mode)}, expected {Octal(expected)}", $"{fix} {path}");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    private static DoctorCheck Gpio(DockHardwareOptions hardware)
    {
        if (!hardware.HasGpio)
        {
            return DoctorCheck.Pass("GPIO", "no pins configured");
        }

        try
        {
            using var chip = DockGpio.Open(hardware);
            return DoctorCheck.Pass("GPIO", $"{hardware.GpioChip} opens (driver {LibgpiodLibrary.Resolve(hardware.GpioDriver)})");
        }
        catch (GpioException e)
        {
            return DoctorCheck.Fail("GPIO", e.Message, "set Dock:Hardware:GpioChip to a chip gpiodetect lists");
        }
    }

    /// <summary>Only the bus node: opening the display here would reset what the running dock shows.</summary>
    private static DoctorCheck Display(DockHardwareOptions hardware)
    {
        if (hardware.Display is not { } display)
        {
            return DoctorCheck.Pass("display", "none configured");
        }

        var bus = $"/dev/i2c-{display.Bus}";
        return File.Exists(bus)
            ? DoctorCheck.Pass("display", $"{bus} present (address {display.Address}; i2cdetect -y {display.Bus} shows whether it answers)")
            : DoctorCheck.Fail("display", $"{bus} does not exist", "enable I2C (raspi-config, dtparam=i2c_arm=on) or remove Dock:Hardware:Display");
    }

    private async Task<DoctorCheck> BrokerAsync(IConfiguration? configuration, CancellationToken cancellationToken)
    {
        string host;
        int port;
        var colon = broker?.LastIndexOf(':') ?? -1;
        if (broker is not null)
        {
            if (colon <= 0 || !int.TryParse(broker.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out port))
            {
                return DoctorCheck.Fail("MQTT broker", $"'{broker}' is not host:port", "pass --broker host:port");
            }

            host = broker[..colon];
        }
        else if (string.IsNullOrWhiteSpace(configuration?[$"{MqttOptions.SectionName}:Host"]))
        {
            return DoctorCheck.Pass("MQTT broker", $"none configured ({MqttOptions.SectionName}:Host is not set: the dock publishes no status)");
        }
        else
        {
            var mqtt = configuration.GetSection(MqttOptions.SectionName);
            host = mqtt["Host"]!;
            if (!int.TryParse(mqtt["Port"] ?? "1883", System.Globalization.CultureInfo.InvariantCulture, out port))
            {
                return DoctorCheck.Fail("MQTT broker", $"{MqttOptions.SectionName}:Port '{mqtt["Port"]}' is not a number", $"set {MqttOptions.SectionName}:Port in {configPath}");
            }
        }

        var address = $"{host}:{port}";
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return DoctorCheck.Pass("MQTT broker", $"{address} accepts connections");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return DoctorCheck.Fail("MQTT broker", $"{address}: {e.Message}", $"start mosquitto (systemctl start mosquitto) or fix {MqttOptions.SectionName}:Host/Port in {configPath}");
        }
    }

    private async Task<IReadOnlyList<DoctorCheck>> CloudAndClockAsync(string? cloud, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sane = now.Year >= 2025
            ? DoctorCheck.Pass("clock", $"{now:u}")
            : DoctorCheck.Fail("clock", $"{now:u} is before 2025", "enable time sync (timedatectl set-ntp true); a Pi has no battery clock");
        if (string.IsNullOrWhiteSpace(cloud))
        {
            return [DoctorCheck.Fail("cloud", "Sync:CloudUrl is not set", "dockctl enroll --cloud URL --token TOKEN"), sane];
        }

        try
        {
            using var client = http();
            using var response = await client.GetAsync(new Uri(cloud), cancellationToken);
            var checks = new List<DoctorCheck> { DoctorCheck.Pass("cloud", $"{cloud} answered {(int)response.StatusCode}") };
            if (response.Headers.Date is { } date && sane.Passed)
            {
                var skew = now - date;
                checks.Add(skew.Duration() < TimeSpan.FromMinutes(2)
                    ? DoctorCheck.Pass("clock", $"{now:u}, {skew.TotalSeconds:0} s from the cloud")
                    : DoctorCheck.Fail("clock", $"{now:u} is {skew.TotalSeconds:0} s off the cloud's {date:u}", "enable time sync (timedatectl set-ntp true)"));
                return checks;
            }

            checks.Add(sane);
            return checks;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return [DoctorCheck.Fail("cloud", $"{cloud}: {e.Message}", "check the network and Sync:CloudUrl"), sane];
        }
    }

    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
