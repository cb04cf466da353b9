namespace DockGateway.Device.Status;

/// <summary>
/// A queue whose length the dock status reports under <c>queues</c> (the event outbox, the upload
/// queue). Register any number as singletons.
/// </summary>
public interface IQueueLength
{
    /// <summary>The key under <c>queues</c>, e.g. "events" or "uploads".</summary>
    string QueueName { get; }

    long QueueLength { get; }
}
