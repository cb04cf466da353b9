using Xunit;

namespace DockGateway.Device.Tests.Systemd;

/// <summary>
/// Tests that set process-wide environment variables (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID): they run
/// alone, never beside another test class, because any host another test starts meanwhile would read them
/// and send its own notifications to the test's socket.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
