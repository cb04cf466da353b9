namespace DockGateway.Shared.Custody;

/// <summary>The commit time of an entry: <c>2026-11-20T12:00:00.000Z</c>.</summary>
internal sealed class CustodyTimeConverter() : UtcTimeConverter("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
