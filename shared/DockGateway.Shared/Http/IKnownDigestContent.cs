namespace DockGateway.Shared.Http;

/// <summary>
/// A request body that knows its own SHA-256 (computed from the bytes it will send) and can be sent
/// more than once: <see cref="SigningHandler"/> signs that digest and lets the body stream, instead of
/// copying it into an array first. A digest that does not match what is sent is refused by the receiver.
/// </summary>
public interface IKnownDigestContent
{
    /// <summary>SHA-256 of the body, 32 bytes.</summary>
    ReadOnlyMemory<byte> Sha256 { get; }
}
