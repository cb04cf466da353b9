namespace DockGateway.Shared.Custody;

/// <summary>An entry about a recorder: its serial (null only on a <see cref="RefusedEntry"/> for a device that is not a recorder).</summary>
public interface IRecorderEntry
{
    string? Recorder { get; }
}
