using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DockGateway.Testing.Mosquitto;

/// <summary>
/// A real mosquitto broker for tests: its own config file, listening on 127.0.0.1 on a port the OS
/// picked, anonymous clients allowed, persistence in a temporary folder. It can be stopped (SIGTERM),
/// killed (SIGKILL) and started again on the same port, so tests can take the broker away mid-run.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(10);
    private readonly string _directory;
    private Process? _process;

    private MosquittoBroker(string directory, int port, string listenerOptions, bool logPackets)
    {
        _directory = directory;
        Port = port;
        ConfigFile = Path.Combine(directory, "mosquitto.conf");
        LogFile = Path.Combine(directory, "mosquitto.log");
        File.WriteAllText(ConfigFile, $"""
            listener {port} 127.0.0.1
            {listenerOptions}
            allow_anonymous true
            persistence true
            persistence_location {directory}/
            autosave_interval 1
            log_dest file {LogFile}
            log_type error
            log_type warning
            log_type notice
            {(logPackets ? "log_type all" : "")}
            user {Environment.UserName}
            """);
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string ConfigFile { get; }

    public string LogFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's own folder (config, log, persistence); tests may put certificates here.</summary>
    public string Directory => _directory;

    /// <summary>
    /// Starts a broker on a free port and waits until it accepts connections. <paramref name="listenerOptions"/>
    /// are extra lines for the listener (e.g. cafile/certfile/keyfile/require_certificate for TLS).
    /// With <paramref name="logPackets"/> the broker logs every packet (<c>log_type all</c>), so a test can
    /// read what it received (see <see cref="MosquittoLog"/>).
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(
        string listenerOptions = "", string? directory = null, bool logPackets = false, CancellationToken cancellationToken = default)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("dockgw-mosquitto-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            var broker = new MosquittoBroker(directory, FreePort(), listenerOptions, logPackets);
            try
            {
                await broker.StartAgainAsync(cancellationToken);
                return broker;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                // Another test bound the port between the pick and mosquitto's bind: pick again.
            }
        }
    }

    /// <summary>A free port outside the ephemeral range (see <see cref="LoopbackPort"/>).</summary>
    public static int FreePort() => LoopbackPort.Free();

    /// <summary>(Re)starts the broker on the same port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is already running");
        }

        var executable = Requirements.Find("mosquitto") ?? throw new InvalidOperationException("mosquitto is not installed");
        var info = new ProcessStartInfo(executable, ["-c", ConfigFile]) { UseShellExecute = false };
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");

        var deadline = DateTime.UtcNow + s_readyTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {ReadLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Stops the broker with SIGTERM (it saves its persistence file) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Kills the broker with SIGKILL, as a crash or power cut would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
