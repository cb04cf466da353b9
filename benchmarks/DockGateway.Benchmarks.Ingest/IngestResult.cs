namespace DockGateway.Benchmarks.Ingest;

/// <summary>One round of one case: the two shell baselines, the disk floor and the dock.</summary>
internal sealed record IngestResult(IngestCase Case, Measurement Cp, Measurement Serial, Measurement Floor, Measurement Dock);
