using System.Text.Json;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// A dock's <c>status</c> payload: <c>{"v":1,"agency":…,"dock":…,"online":true,"version":…,"uptime_s":…,
/// "free_disk_bytes":…,"queues":{…},"time":…}</c>, or the will's <c>{"v":1,…,"online":false}</c>.
/// </summary>
public sealed record DockStatusReport(
    bool Online, string? Version, long? UptimeS, long? FreeDiskBytes, IReadOnlyDictionary<string, long>? Queues, DateTimeOffset? Time)
{
    public static DockStatusReport Parse(ReadOnlyMemory<byte> payload, FleetTopic topic)
    {
        using var document = PayloadFields.Open(payload, topic);
        var o = document.RootElement;
        return new DockStatusReport(
            PayloadFields.RequiredBool(o, "online"),
            PayloadFields.OptionalText(o, "version", 64),
            PayloadFields.WholeNumber(o, "uptime_s"),
            PayloadFields.WholeNumber(o, "free_disk_bytes"),
            PayloadFields.Counts(o, "queues", 32),
            PayloadFields.Time(o, "time"));
    }
}
