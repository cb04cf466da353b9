namespace DockGateway.Provisioning.Audit;

/// <summary>One thing a verification found: where (file, entry index, field) and what.</summary>
public sealed record Finding(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
