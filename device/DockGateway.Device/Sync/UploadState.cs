namespace DockGateway.Device.Sync;

/// <summary>Where an <see cref="UploadItem"/> stands.</summary>
public enum UploadState
{
    /// <summary>Not yet acknowledged by the cloud.</summary>
    Pending,

    /// <summary>The cloud acknowledged the SHA-256 (signed receipt logged as an <c>uploaded</c> entry).</summary>
    Acknowledged,

    /// <summary>Acknowledged and, after the retention period, deleted from the dock.</summary>
    Deleted,
}
