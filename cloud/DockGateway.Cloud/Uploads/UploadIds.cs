using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>Upload ids: 32 lower-case hex digits from a CSPRNG, safe as file names and URL segments.</summary>
public static class UploadIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValid(string? value) =>
        value is { Length: 32 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Require(string value) =>
        IsValid(value) ? value : throw new ArgumentException($"'{value}' is not an upload id.", nameof(value));
}
