using Xunit;

namespace DockGateway.Device.Tests.Metrics;

/// <summary>
/// Tests that read exact counts: the OpenTelemetry meter provider listens to every meter named <c>DockGateway.Dock</c>
/// in the process, so these run alone, after the parallel tests, where no other dock host records into the same meter.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockMetricsCollection
{
    public const string Name = "Dock metrics (exact counts, not in parallel)";
}
