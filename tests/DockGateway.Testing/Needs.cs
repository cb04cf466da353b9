namespace DockGateway.Testing;

/// <summary>What a <see cref="RequiresFactAttribute"/> test needs from the machine.</summary>
public enum Needs
{
    Mosquitto,
    Postgres,
    Fuse,
    Root,
    OpenSsl,
    Mtools,
    Gpiod,
    LoopExt4,
    Strace,
    Dpkg,
    QemuArm64,
    Haproxy,
    S3rver,
}
