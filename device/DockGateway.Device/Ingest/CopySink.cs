namespace DockGateway.Device.Ingest;

/// <summary>Where a <see cref="FootageCopier"/> puts each chunk: the copy's writer (none when only hashing) and the read-back following it.</summary>
internal sealed record CopySink(CopyWriter? Destination, ReadBackVerifier? Verifier);
