namespace DockGateway.Device.Custody;

/// <summary>One committed custody log entry: its leaf index, type, exact canonical JSON bytes and leaf hash.</summary>
public sealed record CustodyRecord(long Index, string Type, byte[] Json, byte[] LeafHash)
{
    public string JsonText => System.Text.Encoding.UTF8.GetString(Json);
}
