using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Hosting;

namespace DockGateway.Device.Status;

/// <summary>
/// Starts the broker connection with the host (it connects in the background and never blocks start).
/// The container disposes it after every hosted service has stopped, so the offline status goes out first.
/// </summary>
public sealed class MqttConnectionService(IMqttConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
