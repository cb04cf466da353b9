namespace DockGateway.Shared.Mqtt;

/// <summary>Where an <see cref="IMqttConnection"/> stands with the broker.</summary>
public enum MqttConnectionState
{
    /// <summary>Not started yet, or the connection was lost and a reconnect is pending.</summary>
    Disconnected,

    /// <summary>A TCP connection is open and CONNECT sent; waiting for CONNACK.</summary>
    Connecting,

    /// <summary>The broker accepted the connection; subscriptions have been (re)sent.</summary>
    Connected,

    /// <summary>Disposed: the connection will not come back.</summary>
    Closed,
}
