namespace DockGateway.Cloud.Registry;

/// <summary>The recorder statuses as stored.</summary>
public static class RecorderStatus
{
    public const string InService = "in-service";
    public const string Repair = "repair";
    public const string Retired = "retired";

    public static IReadOnlyList<string> All { get; } = [InService, Repair, Retired];
}
