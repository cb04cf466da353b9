namespace DockGateway.Device.Sync;

/// <summary>
/// The last refusal the cloud gave the custody mirror: which request, the status and problem detail, and
/// when the same request may be sent again (<see cref="Backoff"/> after the refusal).
/// </summary>
public sealed record MirrorRefusal(MirrorRequest Request, int Status, string Problem, TimeSpan Backoff, DateTimeOffset RetryAt)
{
    /// <summary>True when the cloud refused <paramref name="request"/> again in the same way (so it is not reported again).</summary>
    public bool Repeats(MirrorRequest request, int status, string problem) =>
        Request == request && Status == status && string.Equals(Problem, problem, StringComparison.Ordinal);
}
