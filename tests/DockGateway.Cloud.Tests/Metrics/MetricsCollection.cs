using Xunit;

namespace DockGateway.Cloud.Tests.Metrics;

/// <summary>
/// Tests that read exact counts: the OpenTelemetry meter provider listens to every meter named <c>DockGateway.Cloud</c>
/// in the process, so these run alone, after the parallel tests, where no other host records into the same meter.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (exact counts, not in parallel)";
}
