namespace DockGateway.Shared.Custody;

/// <summary>Recording and clock times in entries, to the second: <c>2026-11-19T08:30:05Z</c>.</summary>
internal sealed class CustodySecondsConverter() : UtcTimeConverter("yyyy-MM-dd'T'HH:mm:ss'Z'");
