using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>
/// Ambarella-based recorders (USB 4255:0001): a vendor interface (0, bulk OUT 0x01, bulk IN 0x81)
/// that must log in and send @ATH before the recorder shows its storage. The clock can be set
/// (@Sdt/@Stm) but not read, so clock skew is unknown for these recorders.
/// </summary>
public sealed class AmbarellaAdapter(IUsbTransportFactory transports, string password, TimeProvider time, ILogger<AmbarellaAdapter> logger)
    : IRecorderAdapter
{
    public const string AdapterName = "ambarella";
    internal const int Interface = 0;
    internal const byte OutEndpoint = 0x01;
    internal const byte InEndpoint = 0x81;
    internal static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(3);

    private readonly MassStorageAdapter _identity = new();

    /// <summary>The service's adapter, logging in with Dock:Hardware:AdapterPassword.</summary>
    public AmbarellaAdapter(IUsbTransportFactory transports, IOptions<DockHardwareOptions> options, TimeProvider time, ILogger<AmbarellaAdapter> logger)
        : this(transports, options.Value.AdapterPassword, time, logger)
    {
    }

    public string Name => AdapterName;

    public bool NeedsHandshake => true;

    public RecorderIdentity Identify(UsbDeviceInfo device, AdapterHandshake? handshake) => _identity.Identify(device, handshake);

    public Task<AdapterHandshake> HandshakeAsync(UsbDeviceInfo device, DateTimeOffset? setClockTo, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var transport = transports.Open(device, Interface, OutEndpoint, InEndpoint);
                LogIn(transport);
                var reply = Exchange(transport, AmbarellaProtocol.GetDeviceId(password));
                var deviceId = AmbarellaProtocol.ParseDeviceId(reply);
                if (deviceId is null)
                {
                    logger.LogWarning("Recorder on {Port} gave a malformed device id reply {Reply}; using its USB serial", device.Port, reply);
                }

                cancellationToken.ThrowIfCancellationRequested();
                var clockSet = setClockTo is { } now && SetClock(transport, device, now) ? setClockTo : null;
                Exchange(transport, AmbarellaProtocol.SwitchToMassStorage(password));
                return new AdapterHandshake(deviceId, clockSet, null);
            },
            cancellationToken);

    public Task<DateTimeOffset?> ReadClockAsync(UsbDeviceInfo device, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);

    public Task<bool> SetClockAsync(UsbDeviceInfo device, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var transport = transports.Open(device, Interface, OutEndpoint, InEndpoint);
                LogIn(transport);
                return SetClock(transport, device, now);
            },
            cancellationToken);

    private static void LogIn(IUsbTransport transport)
    {
        var reply = Exchange(transport, AmbarellaProtocol.Login());
        if (!AmbarellaProtocol.IsLoginAccepted(reply))
        {
            throw new AdapterException($"Recorder refused the login {AmbarellaProtocol.Login()}: replied '{reply}'");
        }
    }

    private bool SetClock(IUsbTransport transport, UsbDeviceInfo device, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, time.LocalTimeZone);
        foreach (var command in new[] { AmbarellaProtocol.SetDate(local), AmbarellaProtocol.SetTime(local) })
        {
            var reply = Exchange(transport, command);
            if (!AmbarellaProtocol.IsAcknowledged(reply, command))
            {
                logger.LogWarning("Recorder on {Port} did not acknowledge {Command}: {Reply}", device.Port, command, reply);
                return false;
            }
        }

        return true;
    }

    private static string Exchange(IUsbTransport transport, string command)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(command);
        if (transport.Write(bytes, ReplyTimeout) != bytes.Length)
        {
            throw new AdapterException($"Recorder did not take the whole command {command}");
        }

        Span<byte> buffer = stackalloc byte[512];
        var read = transport.Read(buffer, ReplyTimeout);
        if (read == 0)
        {
            throw new AdapterException($"No reply to {command} within {ReplyTimeout.TotalSeconds:0} s");
        }

        return AmbarellaProtocol.Decode(buffer[..read], command);
    }
}
