namespace DockGateway.Provisioning.Audit;

/// <summary>A custody entry the report points out (late, gap, error, not erased), by its leaf index.</summary>
public sealed record EntryNote(long Index, string Description)
{
    public override string ToString() => $"entry {Index}: {Description}";
}
