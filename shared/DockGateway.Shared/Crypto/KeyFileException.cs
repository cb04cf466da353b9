namespace DockGateway.Shared.Crypto;

/// <summary>A key file is missing, unsafe (permissions) or malformed; the message names the path.</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException()
    {
    }

    public KeyFileException(string message)
        : base(message)
    {
    }

    public KeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyFileException(string path, string problem, Exception? innerException = null)
        : base($"key file {path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The key file concerned, when known.</summary>
    public string? Path { get; }
}
