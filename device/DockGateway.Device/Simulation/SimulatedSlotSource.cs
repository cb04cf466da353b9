using System.Globalization;
using System.Runtime.CompilerServices;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Simulation;

/// <summary>
/// Simulated slots (the stable simulation contract): <c>&lt;root&gt;/slots/&lt;n&gt;/recorder.json</c> appearing
/// inserts a recorder whose files are in <c>slots/&lt;n&gt;/volume/</c>; recorder.json or the slot folder
/// disappearing unplugs it. Polled every Dock:Simulation:PollInterval.
/// </summary>
public sealed class SimulatedSlotSource(IOptions<DockOptions> options, TimeProvider time, ILogger<SimulatedSlotSource> logger) : ISlotSource
{
    /// <summary>How many polls an unreadable recorder.json gets (it may be half written) before it is refused.</summary>
    private const int AttemptsBeforeRefusal = 8;

    public string SlotsDirectory { get; } = Path.Combine(Path.GetFullPath(options.Value.Simulation.Root ?? "."), "slots");

    public async IAsyncEnumerable<SlotEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SlotsDirectory);
        logger.LogInformation("Simulated slots in {Directory}", SlotsDirectory);
        var seated = new Dictionary<int, Seat>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var present = Slots();
            foreach (var slot in seated.Keys.Where(s => !present.ContainsKey(s) || !File.Exists(RecorderFile(present[s]))).ToList())
            {
                var seat = seated[slot];
                seated.Remove(slot);
                if (seat.Announced)
                {
                    yield return new RecorderRemoved(slot);
                }
            }

            foreach (var (slot, directory) in present)
            {
                var file = RecorderFile(directory);
                if (!File.Exists(file))
                {
                    continue;
                }

                var seat = seated.TryGetValue(slot, out var known) ? known : seated[slot] = new Seat();
                if (seat.Announced)
                {
                    continue;
                }

                var identity = TryRead(file, out var readOnly, out var problem);
                if (identity is not null)
                {
                    seat.Announced = true;
                    var volume = Path.Combine(directory, "volume");
                    Directory.CreateDirectory(volume);
                    yield return new RecorderInserted(slot, identity, new SimulatedVolume(volume, readOnly));
                }
                else if (++seat.Attempts >= AttemptsBeforeRefusal || problem!.Contains("not a recorder", StringComparison.Ordinal))
                {
                    seat.Announced = true;
                    yield return new DeviceRefused(slot, new RecorderIdentity(string.Empty, "unknown", "unknown"), problem!);
                }
            }

            await Task.Delay(options.Value.Simulation.PollInterval, time, cancellationToken);
        }
    }

    private static string RecorderFile(string slotDirectory) => Path.Combine(slotDirectory, "recorder.json");

    private static RecorderIdentity? TryRead(string file, out bool readOnly, out string? problem)
    {
        try
        {
            return SimulatedRecorderFile.Read(file, out readOnly, out problem);
        }
        catch (IOException e)
        {
            readOnly = false;
            problem = $"{file} could not be read: {e.Message}";
            return null;
        }
    }

    private Dictionary<int, string> Slots()
    {
        var slots = new Dictionary<int, string>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(SlotsDirectory))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot is > 0 and < 1000)
                {
                    slots[slot] = directory;
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(SlotsDirectory);
        }

        return slots;
    }

    private sealed class Seat
    {
        public bool Announced { get; set; }

        public int Attempts { get; set; }
    }
}
