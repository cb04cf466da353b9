namespace DockGateway.Cloud.Custody;

/// <summary>The witness status of a dock's log (see <see cref="CustodyDockItem"/>).</summary>
public static class WitnessStatus
{
    public const string Ok = "ok";
    public const string Behind = "behind";
    public const string Refused = "refused";
    public const string Never = "never";

    public static IReadOnlyList<string> All { get; } = [Ok, Behind, Refused, Never];
}
