using DockGateway.Testing;
using DockGateway.Testing.Swarm;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Swarm;

/// <summary>
/// Issue 12 item 4, CI size: 10 docks with their own keys upload 3 random 4 MiB files each through haproxy to two
/// real cloud instances (one PostgreSQL, one footage directory, one broker); instance 1 is SIGKILLed after 40 % of
/// the files and restarted. Every file ends up once in the store and matches its hash, every receipt verifies,
/// every event is stored, and no upload is left holding bytes. <c>benchmarks/…Cloud -- swarm</c> runs larger ones.
/// </summary>
public sealed class DockSwarmTests(ITestOutputHelper output)
{
    [RequiresFact(Needs.Postgres, Needs.Mosquitto, Needs.Haproxy)]
    public async Task A_swarm_through_two_instances_loses_nothing_and_stores_everything_once_when_one_instance_is_killed()
    {
        var result = await SwarmRun.RunAsync(new SwarmOptions(), output.WriteLine);

        output.WriteLine(result.Report());
        Assert.True(result.ExactlyOnce, result.Report());
    }
}
