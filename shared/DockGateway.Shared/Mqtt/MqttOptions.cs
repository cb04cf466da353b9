using System.Text;

namespace DockGateway.Shared.Mqtt;

/// <summary>How to reach the MQTT broker. Bound from the <c>Mqtt</c> configuration section.</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>The MQTT client id; when empty a random one is used.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// True (the default): MQTT 5 clean start with a session expiry of 0; the broker forgets subscriptions
    /// and queued messages when the client goes.
    /// False: a persistent session; the broker keeps the subscriptions and queues QoS 1/2 messages
    /// for this <see cref="ClientId"/> while it is away (for at most <see cref="SessionExpiry"/>),
    /// delivered right after the next connect. Needs a fixed <see cref="ClientId"/>, distinct for every running client.
    /// </summary>
    public bool CleanSession { get; set; } = true;

    /// <summary>
    /// With <see cref="CleanSession"/> false: the MQTT 5 session expiry interval, how long the broker keeps
    /// the session (subscriptions and queued messages) after the client went away. Default 1 day; whole
    /// seconds, 1 s to 136 years. Ignored with a clean session (expiry 0).
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate; setting it turns TLS on.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate for mutual TLS (needs <see cref="KeyFile"/> and <see cref="CaFile"/>).</summary>
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    public MqttWill? Will { get; set; }

    /// <summary>First delay before reconnecting (and retrying the first connection); doubled up to the maximum.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most messages held in memory awaiting acknowledgement; publishers wait beyond it. It is also the
    /// most QoS 1/2 publishes in flight at once (less when the broker's MQTT 5 receive maximum is lower).
    /// While the broker is away these are all the dock keeps in memory (the outbox keeps the rest in
    /// SQLite). The MQTT outbox benchmark runs at this default.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 100;

    /// <summary>Most received messages buffered for the reader; further ones are dropped and counted.</summary>
    public int MaxReceivedMessages { get; set; } = 10_000;

    /// <summary>Every problem with these options, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string section = SectionName)
    {
        var errors = new List<string>();
        void Fail(string key, string message) => errors.Add($"{section}:{key} {message}");

        if (string.IsNullOrWhiteSpace(Host))
        {
            Fail(nameof(Host), "must name the broker host (e.g. 127.0.0.1)");
        }

        if (Port is < 1 or > 65535)
        {
            Fail(nameof(Port), $"must be between 1 and 65535 (was {Port})");
        }

        if (ClientId is not null && (ClientId.Length == 0 || Encoding.UTF8.GetByteCount(ClientId) > 65535 || ClientId.Any(char.IsControl)))
        {
            Fail(nameof(ClientId), "must be 1 to 65535 bytes of UTF-8 without control characters, or left out");
        }

        if (!CleanSession && ClientId is null)
        {
            Fail(nameof(ClientId), $"is required when {section}:{nameof(CleanSession)} is false (the broker keeps the session under that id)");
        }

        if (Password is not null && string.IsNullOrEmpty(Username))
        {
            Fail(nameof(Password), $"is set but {section}:{nameof(Username)} is empty");
        }

        RequireFile(nameof(CaFile), CaFile, Fail);
        RequireFile(nameof(CertFile), CertFile, Fail);
        RequireFile(nameof(KeyFile), KeyFile, Fail);
        if ((CertFile is null) != (KeyFile is null))
        {
            Fail(CertFile is null ? nameof(CertFile) : nameof(KeyFile), $"must be set together with {section}:{(CertFile is null ? nameof(KeyFile) : nameof(CertFile))}");
        }

        if (CertFile is not null && CaFile is null)
        {
            Fail(nameof(CaFile), $"is required when {section}:{nameof(CertFile)} is set (TLS needs the broker's CA)");
        }

        if (KeepAliveSeconds is < 5 or > 65535)
        {
            Fail(nameof(KeepAliveSeconds), $"must be between 5 and 65535 seconds (was {KeepAliveSeconds})");
        }

        if (SessionExpiry < TimeSpan.FromSeconds(1) || SessionExpiry.TotalSeconds >= uint.MaxValue || SessionExpiry.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            Fail(nameof(SessionExpiry), $"must be whole seconds from 00:00:01 to 136 years (was {SessionExpiry})");
        }

        if (ReconnectDelayMin <= TimeSpan.Zero)
        {
            Fail(nameof(ReconnectDelayMin), $"must be positive (was {ReconnectDelayMin})");
        }

        if (ReconnectDelayMax < ReconnectDelayMin)
        {
            Fail(nameof(ReconnectDelayMax), $"must be at least {section}:{nameof(ReconnectDelayMin)} ({ReconnectDelayMax} < {ReconnectDelayMin})");
        }

        if (MaxQueuedMessages < 1)
        {
            Fail(nameof(MaxQueuedMessages), $"must be at least 1 (was {MaxQueuedMessages})");
        }

        if (MaxReceivedMessages < 1)
        {
            Fail(nameof(MaxReceivedMessages), $"must be at least 1 (was {MaxReceivedMessages})");
        }

        if (Will is { } will)
        {
            if (MqttTopic.PublishError(will.Topic) is { } topicError)
            {
                Fail("Will:Topic", topicError);
            }

            if (!Enum.IsDefined(will.Qos))
            {
                Fail("Will:Qos", $"must be 0, 1 or 2 (was {(int)will.Qos})");
            }
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns when valid.</summary>
    public void EnsureValid(string section = SectionName)
    {
        var errors = Validate(section);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MQTT options: " + string.Join("; ", errors));
        }
    }

    private static void RequireFile(string key, string? path, Action<string, string> fail)
    {
        if (path is not null && !File.Exists(path))
        {
            fail(key, $"names a file that does not exist: {path}");
        }
    }
}
