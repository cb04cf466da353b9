using System.Diagnostics;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MqttTlsTests
{
    private static void OpenSsl(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("openssl", args) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed: {error}");
    }

    /// <summary>A CA, a server certificate for IP 127.0.0.1 and a client certificate, all made with openssl.</summary>
    private static string MakeCertificates()
    {
        var dir = Directory.CreateTempSubdirectory("dockgw-mqtt-tls-").FullName;
        OpenSsl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=DockGateway test CA");
        foreach (var (name, extra) in new[] { ("server", "subjectAltName=IP:127.0.0.1"), ("client", "extendedKeyUsage=clientAuth") })
        {
            OpenSsl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", $"/CN={name}");
            File.WriteAllText(Path.Combine(dir, $"{name}.ext"), extra + "\n");
            OpenSsl(dir, "x509", "-req", "-in", $"{name}.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", $"{name}.crt", "-days", "2", "-extfile", $"{name}.ext");
        }

        return dir;
    }

    [RequiresFact(Needs.Mosquitto, Needs.OpenSsl)]
    public async Task Mutual_TLS_with_a_client_certificate_connects_and_round_trips()
    {
        var dir = MakeCertificates();
        await using var broker = await MosquittoBroker.StartAsync(listenerOptions: $"cafile {dir}/ca.crt\ncertfile {dir}/server.crt\nkeyfile {dir}/server.key\nrequire_certificate true", directory: dir);
        var options = MqttConnectionTests.OptionsFor(broker);
        options.CaFile = Path.Combine(dir, "ca.crt");
        options.CertFile = Path.Combine(dir, "client.crt");
        options.KeyFile = Path.Combine(dir, "client.key");
        await using var connection = new MqttConnection(options);
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await connection.SubscribeAsync("tls/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var delivery = await connection.PublishAsync("tls/1", "secret"u8.ToArray(), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
        await delivery.Completion.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("secret", (await MqttConnectionTests.NextAsync(connection)).PayloadText);
    }

    [RequiresFact(Needs.Mosquitto, Needs.OpenSsl)]
    public async Task Without_a_client_certificate_the_TLS_broker_never_accepts_the_connection()
    {
        var dir = MakeCertificates();
        await using var broker = await MosquittoBroker.StartAsync(listenerOptions: $"cafile {dir}/ca.crt\ncertfile {dir}/server.crt\nkeyfile {dir}/server.key\nrequire_certificate true", directory: dir);
        var options = MqttConnectionTests.OptionsFor(broker);
        options.CaFile = Path.Combine(dir, "ca.crt");
        await using var connection = new MqttConnection(options);
        connection.Start();
        await Task.Delay(1500);
        Assert.False(connection.IsConnected);
    }
}
