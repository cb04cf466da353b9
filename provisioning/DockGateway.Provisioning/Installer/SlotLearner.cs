using DockGateway.Device.Hardware.Usb;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// Learns which USB port each slot's cable reaches: asks for a recorder in slot 1, 2, … in turn,
/// watches sysfs for a USB mass-storage device that was not there before, records its port path,
/// then waits for it to be unplugged.
/// </summary>
public sealed class SlotLearner(SysfsUsbScanner scanner, TextWriter output, TimeSpan pollInterval, TimeSpan timeout)
{
    public async Task<IReadOnlyList<string>> LearnAsync(int slots, CancellationToken cancellationToken)
    {
        var ports = new List<string>();
        for (var slot = 1; slot <= slots; slot++)
        {
            var present = Ports();
            await output.WriteLineAsync($"Slot {slot} of {slots}: plug a recorder into slot {slot} now (waiting up to {timeout.TotalSeconds:0} s)…");
            var port = await WaitAsync(() => Ports().Except(present).Except(ports).FirstOrDefault(), cancellationToken)
                ?? throw new InputException($"no new USB storage device appeared for slot {slot} within {timeout.TotalSeconds:0} s");
            ports.Add(port);
            var device = scanner.ScanStorage().First(d => d.Usb.Port == port);
            await output.WriteLineAsync($"Slot {slot} is port {port} ({device.Usb.Model} {device.Usb.Product ?? string.Empty}). Unplug it.");
            await WaitAsync(() => Ports().Contains(port) ? null : port, cancellationToken);
        }

        return ports;
    }

    private HashSet<string> Ports() => scanner.ScanStorage().Select(d => d.Usb.Port).ToHashSet(StringComparer.Ordinal);

    private async Task<string?> WaitAsync(Func<string?> probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = probe();
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        return null;
    }
}
