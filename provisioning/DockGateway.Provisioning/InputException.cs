namespace DockGateway.Provisioning;

/// <summary>
/// Input a command cannot work with (a missing directory, a malformed key string). dockctl prints
/// the message, which names the offending path or value, and exits with <see cref="ExitCodes.UsageError"/>.
/// </summary>
public sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
