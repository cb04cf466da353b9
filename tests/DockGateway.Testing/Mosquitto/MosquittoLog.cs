using System.Text.RegularExpressions;

namespace DockGateway.Testing.Mosquitto;

/// <summary>
/// Reads a mosquitto 2 log written with <c>log_type all</c> (<see cref="MosquittoBroker.StartAsync"/> with
/// logPackets): each SUBSCRIBE packet the broker received from a client, with its topic filters.
/// </summary>
public static partial class MosquittoLog
{
    /// <summary>The SUBSCRIBE packets from <paramref name="clientId"/>, in order, each as its list of filters.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Subscribes(string log, string clientId)
    {
        var packets = new List<IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (var line in log.Split('\n'))
        {
            var text = line.Contains(": ", StringComparison.Ordinal) ? line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..] : line;
            if (text == $"Received SUBSCRIBE from {clientId}")
            {
                current = [];
                packets.Add(current);
            }
            else if (current is not null && FilterLine().Match(text) is { Success: true } filter)
            {
                current.Add(filter.Groups[1].Value);
            }
            else if (current is not null && !text.StartsWith(clientId + " ", StringComparison.Ordinal))
            {
                current = null; // "Sending SUBACK to …" or anything else ends the packet
            }
        }

        return packets;
    }

    /// <summary>How many SUBSCRIBE packets from <paramref name="clientId"/> named <paramref name="filter"/>.</summary>
    public static int TimesSubscribed(string log, string clientId, string filter) =>
        Subscribes(log, clientId).Count(p => p.Contains(filter));

    /// <summary>
    /// Waits until <paramref name="broker"/>'s log shows each of <paramref name="filters"/> subscribed by
    /// <paramref name="clientId"/> (or <paramref name="timeout"/> passed), then describes how many times each
    /// came: null when each came exactly once, otherwise what the broker received.
    /// </summary>
    public static async Task<string?> ProblemWithSubscribesAsync(MosquittoBroker broker, string clientId, IReadOnlyList<string> filters, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string log;
        while (true)
        {
            log = broker.ReadLog();
            if (filters.All(f => TimesSubscribed(log, clientId, f) > 0) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        var wrong = filters.Where(f => TimesSubscribed(log, clientId, f) != 1).ToList();
        if (wrong.Count == 0)
        {
            return null;
        }

        var seen = string.Join(" | ", Subscribes(log, clientId).Select(p => string.Join(", ", p)));
        return $"{clientId}: each of {string.Join(", ", wrong)} should be in exactly one SUBSCRIBE; the broker received: [{seen}]";
    }

    [GeneratedRegex(@"^\t(.+) \(QoS \d\)$")]
    private static partial Regex FilterLine();
}
