using System.Globalization;
using System.Text;
using DockGateway.Shared.Mqtt;

namespace DockGateway.Benchmarks.Mqtt;

/// <summary>
/// <c>will-client HOST PORT TOPIC WILL_PAYLOAD</c>: connects with a retained will on TOPIC, publishes
/// "online" there (retained), prints "connected" and waits to be killed. Tests SIGKILL it to see the will.
/// </summary>
internal static class WillClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync("usage: will-client HOST PORT TOPIC WILL_PAYLOAD");
            return 2;
        }

        var options = new MqttOptions
        {
            Host = args[0],
            Port = int.Parse(args[1], CultureInfo.InvariantCulture),
            KeepAliveSeconds = 5,
            Will = new MqttWill { Topic = args[2], Payload = Encoding.UTF8.GetBytes(args[3]), Qos = MqttQos.AtLeastOnce, Retain = true },
        };
        await using var connection = new MqttConnection(options);
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var delivery = await connection.PublishAsync(args[2], "online"u8.ToArray(), MqttQos.AtLeastOnce, retain: true, CancellationToken.None);
        await delivery.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Console.WriteLine("connected");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
