using System.Globalization;
using DockGateway.Shared.Mqtt;

namespace DockGateway.Cloud.Fleet;

/// <summary>A dock topic taken apart: the agency and dock it names, which topic, and the slot number.</summary>
public sealed record FleetTopic(string Agency, string Dock, FleetTopicKind Kind, int? Slot = null)
{
    /// <summary>Highest slot number accepted in a <c>slots/&lt;n&gt;</c> topic.</summary>
    public const int MaxSlot = 1023;

    private const int MaxIdLength = 64;

    /// <summary>
    /// The subscription filters for <paramref name="root"/>: status, slots and events of every dock. With a
    /// <paramref name="shareGroup"/> the events filter is the shared <c>$share/&lt;group&gt;/…/events</c>; the
    /// retained status and slot topics stay unshared (the broker sends no retained messages to shared subscriptions).
    /// </summary>
    public static IReadOnlyList<string> Filters(string root, string? shareGroup = null) =>
        [$"{root}/+/+/status", $"{root}/+/+/slots/+", string.IsNullOrEmpty(shareGroup) ? $"{root}/+/+/events" : MqttTopic.Shared(shareGroup, $"{root}/+/+/events")];

    /// <summary>Parses <paramref name="topic"/> under <paramref name="root"/>; null (with the reason) when it is not a dock topic.</summary>
    public static FleetTopic? Parse(string root, string topic, out string? error)
    {
        error = null;
        if (!topic.StartsWith(root + "/", StringComparison.Ordinal))
        {
            error = $"is not under '{root}/'";
            return null;
        }

        var levels = topic[(root.Length + 1)..].Split('/');
        if (levels.Length < 3 || !ValidId(levels[0]) || !ValidId(levels[1]))
        {
            error = "does not name an agency and a dock (1 to 64 printable characters each)";
            return null;
        }

        switch (levels[2..])
        {
            case ["status"]:
                return new FleetTopic(levels[0], levels[1], FleetTopicKind.Status);
            case ["events"]:
                return new FleetTopic(levels[0], levels[1], FleetTopicKind.Events);
            case ["slots", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
                && slot <= MaxSlot && n == slot.ToString(CultureInfo.InvariantCulture):
                return new FleetTopic(levels[0], levels[1], FleetTopicKind.Slot, slot);
            default:
                error = $"is not a status, slots/<0-{MaxSlot}> or events topic";
                return null;
        }
    }

    private static bool ValidId(string level) =>
        level.Length is > 0 and <= MaxIdLength && !level.Any(char.IsControl) && !level.Any(char.IsWhiteSpace);
}
