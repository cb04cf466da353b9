using System.Runtime.CompilerServices;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// Recorders arriving in and leaving the dock's slots, from sysfs: rescanned on every kernel uevent
/// (or slot switch edge) and at least every Dock:Hardware:PollInterval. Devices on unmapped ports
/// are ignored; what is not a recorder is refused and never mounted.
/// </summary>
public sealed class UsbSlotSource(
    IOptions<DockHardwareOptions> options,
    SysfsUsbScanner scanner,
    SlotAdmission admission,
    RescanSignal signal,
    TimeProvider time,
    ILogger<UsbSlotSource> logger) : ISlotSource
{
    public async IAsyncEnumerable<SlotEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var uevents = options.Value.UseUevents ? ListenForUeventsAsync(stop.Token) : Task.CompletedTask;
        var tracking = new SlotTracking();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<SlotEvent> events;
                try
                {
                    events = await ScanOnceAsync(tracking, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "USB scan of {SysfsRoot} failed; retrying", options.Value.SysfsRoot);
                    events = [];
                }

                foreach (var slotEvent in events)
                {
                    yield return slotEvent;
                }

                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await uevents;
        }
    }

    internal async Task<IReadOnlyList<SlotEvent>> ScanOnceAsync(SlotTracking tracking, CancellationToken cancellationToken)
    {
        var storage = scanner.ScanStorage();
        var usb = scanner.ScanUsbDevices();
        var events = new List<SlotEvent>();

        foreach (var (port, seated) in tracking.ByPort.ToArray())
        {
            var present = seated.BlockName is null
                ? usb.Any(d => d.Port == port)
                : storage.Any(s => s.Usb.Port == port && s.BlockName == seated.BlockName);
            if (!present)
            {
                tracking.ByPort.Remove(port);
                if (seated.Volume is not null)
                {
                    await seated.Volume.DetachAsync();
                }

                logger.LogInformation("Slot {Slot}: device on port {Port} removed", seated.Slot, port);
                events.Add(new RecorderRemoved(seated.Slot));
            }
        }

        tracking.Ignored.IntersectWith(usb.Select(d => d.Port));
        foreach (var device in usb.Where(d => !tracking.ByPort.ContainsKey(d.Port) && !storage.Any(s => s.Usb.Port == d.Port)))
        {
            var refused = await admission.ExamineAsync(device, tracking, cancellationToken);
            if (refused is not null)
            {
                events.Add(refused);
            }
        }

        foreach (var disk in storage.Where(s => !tracking.ByPort.ContainsKey(s.Usb.Port)))
        {
            var admitted = await admission.AdmitAsync(disk, tracking, cancellationToken);
            if (admitted is not null)
            {
                events.Add(admitted);
            }
        }

        return events;
    }

    private async Task ListenForUeventsAsync(CancellationToken cancellationToken)
    {
        UeventListener listener;
        try
        {
            listener = UeventListener.Open();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            logger.LogWarning("Kernel uevents unavailable ({Error}); polling sysfs every {Interval}", e.Message, options.Value.PollInterval);
            return;
        }

        using (listener)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var uevent = await listener.ReceiveAsync(cancellationToken);
                    if (uevent.ConcernsUsbStorage)
                    {
                        logger.LogDebug("uevent {Action} {DevPath}", uevent.Action, uevent.DevPath);
                        signal.Request();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Kernel uevent listener stopped; polling only");
            }
        }
    }
}
