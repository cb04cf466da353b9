namespace DockGateway.Cloud.Uploads;

/// <summary>A SHA-256 written as 64 lower-case hex digits, the form blobs are stored under.</summary>
public static class Sha256Hex
{
    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Require(string value) =>
        IsValid(value) ? value : throw new ArgumentException($"'{value}' is not a lower-case hex SHA-256.", nameof(value));
}
