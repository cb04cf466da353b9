using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// Turns our <see cref="MqttOptions"/> into MQTTnet's client options: MQTT 5, clean start or a
/// persistent session with its expiry interval, credentials, will, and TLS with the broker's CA as the
/// only trust anchor (plus a client certificate for mutual TLS). Certificate files are read here, once,
/// so a bad file stops the service at start with the key that names it.
/// </summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttOptions options, string clientId)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(Math.Max(10, options.KeepAliveSeconds)))
            .WithCleanStart(options.CleanSession)
            .WithSessionExpiryInterval(options.CleanSession ? 0 : (uint)options.SessionExpiry.TotalSeconds)
            // One socket write (one TCP segment, one TLS record) per packet instead of header and payload apart:
            // our payloads are small JSON documents, and with TCP_NODELAY the split doubled the segments sent.
            .WithoutPacketFragmentation();

        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.Password);
        }

        if (options.Will is { } will)
        {
            builder.WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)will.Qos)
                .WithWillRetain(will.Retain);
        }

        if (options.CaFile is not null)
        {
            var trust = LoadCa(options.CaFile);
            var client = options.CertFile is not null ? LoadClientCertificate(options.CertFile, options.KeyFile!) : null;
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls()
                    .WithTrustChain(trust)
                    .WithRevocationMode(X509RevocationMode.NoCheck) // as libmosquitto did: no CRL/OCSP unless configured
                    .WithTargetHost(options.Host);
                if (client is not null)
                {
                    tls.WithClientCertificates([client]);
                }
            });
        }

        return builder.Build();
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        var trust = new X509Certificate2Collection();
        try
        {
            trust.ImportFromPemFile(path);
        }
        catch (CryptographicException ex)
        {
            throw new MqttException($"Mqtt:CaFile {path} is not a PEM certificate: {ex.Message}", ex);
        }

        return trust.Count > 0 ? trust : throw new MqttException($"Mqtt:CaFile {path} holds no PEM certificate");
    }

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (CryptographicException ex)
        {
            throw new MqttException($"Mqtt:CertFile {certFile} with Mqtt:KeyFile {keyFile} is not a PEM certificate and its key: {ex.Message}", ex);
        }
    }
}
