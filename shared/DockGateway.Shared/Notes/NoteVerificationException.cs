namespace DockGateway.Shared.Notes;

/// <summary>A note has no valid signature by a known key, or a known key's signature failed.</summary>
public sealed class NoteVerificationException : Exception
{
    public NoteVerificationException()
    {
    }

    public NoteVerificationException(string message)
        : base(message)
    {
    }

    public NoteVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
