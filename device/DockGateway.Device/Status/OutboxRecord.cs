namespace DockGateway.Device.Status;

/// <summary>One event waiting in (or sent from) the outbox: its row id and the exact payload to publish.</summary>
public sealed record OutboxRecord(long Id, string Key, byte[] Payload);
