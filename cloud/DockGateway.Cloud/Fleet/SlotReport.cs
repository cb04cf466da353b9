using System.Text.Json;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// A dock's <c>slots/&lt;n&gt;</c> payload: <c>{"v":1,"slot":n,"state":"ingesting","recorder":…,
/// "progress":{"files":…,"done":…,"errors":…},"message":…,"time":…}</c>.
/// </summary>
public sealed record SlotReport(int Slot, string State, string? Recorder, long Files, long Done, long Errors, string? Message, DateTimeOffset? Time)
{
    public static SlotReport Parse(ReadOnlyMemory<byte> payload, FleetTopic topic)
    {
        using var document = PayloadFields.Open(payload, topic);
        var o = document.RootElement;
        var slot = PayloadFields.WholeNumber(o, "slot", 0, FleetTopic.MaxSlot);
        if (slot is { } n && n != topic.Slot)
        {
            throw new FleetPayloadException("slot", $"{n} differs from the topic's slot {topic.Slot}");
        }

        var state = PayloadFields.RequiredString(o, "state", 32);
        if (!state.All(c => c is (>= 'a' and <= 'z') or '-'))
        {
            throw new FleetPayloadException("state", $"must be a lower-case state name such as 'ingesting' (was '{state}')");
        }

        long files = 0, done = 0, errors = 0;
        if (o.TryGetProperty("progress", out var progress) && progress.ValueKind != JsonValueKind.Null)
        {
            if (progress.ValueKind != JsonValueKind.Object)
            {
                throw new FleetPayloadException("progress", "must be an object with files, done and errors");
            }

            files = PayloadFields.WholeNumber(progress, "files") ?? 0;
            done = PayloadFields.WholeNumber(progress, "done") ?? 0;
            errors = PayloadFields.WholeNumber(progress, "errors") ?? 0;
        }

        return new SlotReport(
            topic.Slot!.Value, state, PayloadFields.OptionalText(o, "recorder", 128), files, done, errors,
            PayloadFields.Text(o, "message", 1000), PayloadFields.Time(o, "time"));
    }
}
