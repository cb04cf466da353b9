namespace DockGateway.Cloud.Blobs;

/// <summary>A <c>Cloud:Blobs:S3</c> setting that cannot work; the message starts with its key.</summary>
public sealed class S3SettingException(string key, string problem) : Exception($"{key} {problem}")
{
    public string Key { get; } = key;
}
