using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// Decides what a device in a slot is: ignored (unmapped port), refused (not a recorder), a recorder
/// that failed (its handshake or volume), or a recorder (registered or not) whose volume is mounted.
/// </summary>
public sealed class SlotAdmission(
    IOptions<DockHardwareOptions> options,
    RecorderCatalog catalog,
    RecorderRegistry registry,
    VolumeMounter mounter,
    TimeProvider time,
    ILogger<SlotAdmission> logger)
{
    private static readonly TimeSpan s_handshakeValidFor = TimeSpan.FromSeconds(60);
    private readonly MassStorageAdapter _generic = new();
    private readonly Dictionary<string, int> _slots = options.Value.Slots.ToDictionary(s => s.Port, s => s.Slot, StringComparer.Ordinal);

    /// <summary>A USB device without storage (yet): refuse a non-recorder, run a vendor handshake where one is needed.</summary>
    internal async Task<SlotEvent?> ExamineAsync(UsbDeviceInfo device, SlotTracking tracking, CancellationToken cancellationToken)
    {
        if (!TryGetSlot(device, tracking, out var slot))
        {
            return null;
        }

        var adapter = catalog.Find(device);
        if (adapter is null)
        {
            return Refuse(tracking, slot, device, null, NotARecorder(device));
        }

        if (!adapter.NeedsHandshake || tracking.Handshakes.TryGetValue(device.Port, out var done) && time.GetUtcNow() - done.At < s_handshakeValidFor)
        {
            return null;
        }

        var now = time.GetUtcNow();
        try
        {
            var result = await adapter.HandshakeAsync(device, options.Value.SetRecorderClock ? now : null, cancellationToken);
            tracking.Handshakes[device.Port] = new SlotTracking.Handshaken(adapter, result, now);
            logger.LogInformation(
                "Slot {Slot}: {Adapter} handshake with {Model} on {Port} done (device id {DeviceId}, clock set {ClockSet})",
                slot, adapter.Name, device.Model, device.Port, result.DeviceId ?? "none", result.ClockSetTo is not null);
            return null;
        }
        catch (Exception e) when (e is AdapterException or TimeoutException or IOException)
        {
            return Fail(tracking, slot, device, null, Registered(adapter.Identify(device, null)), "handshake-failed", $"vendor handshake with {device.Model} failed: {e.Message}");
        }
    }

    /// <summary>A USB disk: refuse it, or identify, clock, mount and report the recorder.</summary>
    internal async Task<SlotEvent?> AdmitAsync(UsbStorageDevice disk, SlotTracking tracking, CancellationToken cancellationToken)
    {
        var device = disk.Usb;
        if (!TryGetSlot(device, tracking, out var slot))
        {
            return null;
        }

        tracking.Handshakes.Remove(device.Port, out var handshake);
        if (handshake is not null && time.GetUtcNow() - handshake.At > s_handshakeValidFor)
        {
            handshake = null;
        }

        var adapter = handshake?.Adapter ?? catalog.Find(device);
        if (adapter is null)
        {
            return Refuse(tracking, slot, device, disk.BlockName, NotARecorder(device));
        }

        var identity = Registered(adapter.Identify(device, handshake?.Result));
        if (!identity.IsRegistered)
        {
            logger.LogWarning(
                "ALERT slot {Slot}: recorder {Serial} ({Model}) is not registered to this agency: ingesting, every entry flagged unregistered",
                slot, identity.Serial, device.Model);
        }

        var clock = await ClockAsync(adapter, device, handshake?.Result, cancellationToken);
        MountedVolume? volume = null;
        try
        {
            foreach (var candidate in disk.VolumeCandidates.Where(File.Exists))
            {
                if (FileSystemProbe.Identify(candidate) != FileSystemKind.Unknown)
                {
                    volume = await mounter.MountAsync(slot, candidate, disk.IsReadOnly, cancellationToken);
                    break;
                }
            }
        }
        catch (Exception e) when (e is MountException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            return Fail(tracking, slot, device, disk.BlockName, identity, "mount-failed", $"recorder {identity.Serial}: volume not mounted: {e.Message}");
        }

        if (volume is null)
        {
            return Fail(tracking, slot, device, disk.BlockName, identity, "no-volume", $"recorder {identity.Serial} holds no FAT32 or exFAT volume");
        }

        tracking.ByPort[device.Port] = new SlotTracking.Seated(slot, disk.BlockName, volume);
        if (volume.IsReadOnly)
        {
            logger.LogWarning(
                "ALERT slot {Slot}: recorder {Serial} is write-protected: its files will be ingested but cannot be erased", slot, identity.Serial);
        }

        return new RecorderInserted(slot, identity, volume, clock);
    }

    private async Task<RecorderClock> ClockAsync(IRecorderAdapter adapter, UsbDeviceInfo device, AdapterHandshake? handshake, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var read = handshake?.ClockBefore ?? await adapter.ReadClockAsync(device, cancellationToken);
        var setTo = handshake?.ClockSetTo;
        if (setTo is null && options.Value.SetRecorderClock && await adapter.SetClockAsync(device, now, cancellationToken))
        {
            setTo = now;
        }

        return new RecorderClock(read - now, setTo);
    }

    private RecorderIdentity Registered(RecorderIdentity identity) => identity with { IsRegistered = registry.IsRegistered(identity.Serial) };

    private bool TryGetSlot(UsbDeviceInfo device, SlotTracking tracking, out int slot)
    {
        if (_slots.TryGetValue(device.Port, out slot))
        {
            return true;
        }

        if (tracking.Ignored.Add(device.Port))
        {
            logger.LogWarning(
                "USB device {Model} ({Product}) on port {Port} ignored: the port is not in Dock:Hardware:Slots",
                device.Model, device.Product ?? "unnamed", device.Port);
        }

        return false;
    }

    private DeviceRefused Refuse(SlotTracking tracking, int slot, UsbDeviceInfo device, string? blockName, string reason)
    {
        tracking.ByPort[device.Port] = new SlotTracking.Seated(slot, blockName, null);
        logger.LogWarning("ALERT slot {Slot}: device refused: {Reason}", slot, reason);
        return new DeviceRefused(slot, _generic.Identify(device, null), reason);
    }

    private RecorderFailed Fail(SlotTracking tracking, int slot, UsbDeviceInfo device, string? blockName, RecorderIdentity recorder, string reason, string detail)
    {
        tracking.ByPort[device.Port] = new SlotTracking.Seated(slot, blockName, null);
        logger.LogWarning("ALERT slot {Slot}: recorder {Serial} ({Model}) cannot be ingested: {Detail}", slot, recorder.Serial, device.Model, detail);
        return new RecorderFailed(slot, recorder, reason, detail);
    }

    private static string NotARecorder(UsbDeviceInfo device) =>
        $"USB {device.Model} ({device.Manufacturer ?? "unknown maker"} {device.Product ?? "unnamed"}) is not a known recorder model: not mounted";
}
