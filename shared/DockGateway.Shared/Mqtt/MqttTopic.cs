using System.Text;

namespace DockGateway.Shared.Mqtt;

/// <summary>MQTT topic name and filter rules (MQTT 5 §4.7, §4.8.2 for <c>$share/</c>), checked before anything reaches the library.</summary>
public static class MqttTopic
{
    private const int MaxBytes = 65535;
    private const string SharePrefix = "$share/";

    /// <summary>Why <paramref name="topic"/> cannot be published to, or null when it can.</summary>
    public static string? PublishError(string? topic)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return "must not be empty";
        }

        if (Encoding.UTF8.GetByteCount(topic) > MaxBytes)
        {
            return "is longer than 65535 bytes";
        }

        if (topic.Contains('\0', StringComparison.Ordinal))
        {
            return $"must not contain NUL: '{topic}'";
        }

        return topic.AsSpan().IndexOfAny('+', '#') >= 0 ? $"must not contain the wildcards + or #: '{topic}'" : null;
    }

    /// <summary>Why <paramref name="filter"/> is not a valid subscription filter, or null when it is.</summary>
    public static string? FilterError(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "must not be empty";
        }

        if (Encoding.UTF8.GetByteCount(filter) > MaxBytes || filter.Contains('\0', StringComparison.Ordinal))
        {
            return $"is too long or contains NUL: '{filter}'";
        }

        var levels = filter.Split('/');
        if (IsShared(filter) && (levels.Length < 3 || ShareGroupError(levels[1]) is not null || levels[2..].All(l => l.Length == 0)))
        {
            return $"must be $share/<group>/<filter> with a group name free of '+', '#' and '/': '{filter}'";
        }

        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
            {
                return $"may use # only as the whole last level: '{filter}'";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level != "+")
            {
                return $"may use + only as a whole level: '{filter}'";
            }
        }

        return null;
    }

    /// <summary>The MQTT 5 shared subscription filter <c>$share/&lt;group&gt;/&lt;filter&gt;</c>.</summary>
    public static string Shared(string group, string filter) => $"{SharePrefix}{group}/{filter}";

    /// <summary>True when <paramref name="filter"/> is a shared subscription (<c>$share/…</c>).</summary>
    public static bool IsShared(string filter) => filter.StartsWith(SharePrefix, StringComparison.Ordinal);

    /// <summary>Why <paramref name="group"/> cannot be a share name (MQTT 5 §4.8.2), or null when it can.</summary>
    public static string? ShareGroupError(string? group) =>
        string.IsNullOrEmpty(group) || group.AsSpan().IndexOfAny("/+#") >= 0 || group.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? $"must be a non-empty name without '/', '+', '#', spaces or control characters (was '{group}')"
            : null;

    /// <summary>True when <paramref name="topic"/> matches <paramref name="filter"/> (+ one level, # the rest).</summary>
    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
