using System.ComponentModel.DataAnnotations;

namespace DockGateway.Cloud.Uploads;

/// <summary>Settings under <c>Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    public const string DefaultBlobDirectory = "";

    /// <summary><c>Uploads:BlobDirectory</c>: root of the file-system blob store; default
    /// <c>&lt;Cloud:DataDirectory&gt;/blobs</c>.</summary>
    public string BlobDirectory { get; set; } = DefaultBlobDirectory;

    /// <summary><c>Uploads:MaxSize</c>: the largest file accepted, in bytes (Tus-Max-Size).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Uploads:MaxSize must be a positive number of bytes.")]
    public long MaxSize { get; set; } = 64L << 30;

    /// <summary><c>Uploads:Expiry</c>: how long an unfinished upload is kept after its last chunk.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Uploads:Expiry must be between 1 minute and 30 days.")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);
}
