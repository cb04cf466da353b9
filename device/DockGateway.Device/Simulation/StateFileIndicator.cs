using System.Text.Json;
using Microsoft.Extensions.Options;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Simulation;

/// <summary>
/// The simulated slot's "LED": writes <c>slots/&lt;n&gt;/state.json</c> atomically (temporary file + rename):
/// <c>{"slot","state","recorder","files","done","errors","message","updated"}</c>, state in lower case.
/// </summary>
public sealed class StateFileIndicator(IOptions<DockOptions> options, TimeProvider time) : ISlotIndicator
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _slots = Path.Combine(Path.GetFullPath(options.Value.Simulation.Root ?? "."), "slots");

    public async ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_slots, status.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!Directory.Exists(directory))
        {
            return; // the slot folder was removed: nobody to show it to
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["slot"] = status.Slot,
            ["state"] = status.State.ToString().ToLowerInvariant(),
            ["recorder"] = status.Recorder,
            ["files"] = status.Files,
            ["done"] = status.Done,
            ["errors"] = status.Errors,
            ["message"] = status.Message,
            ["updated"] = time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, s_json);
        var temporary = Path.Combine(directory, $".state.json.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, json, CancellationToken.None);
            File.Move(temporary, Path.Combine(directory, "state.json"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The slot folder vanished mid-write: nobody to show it to.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception inner) when (inner is IOException or UnauthorizedAccessException)
            {
                // Already gone with its folder.
            }
        }
    }
}
