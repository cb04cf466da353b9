namespace DockGateway.Provisioning;

/// <summary>The exit codes every dockctl command uses, so scripts can tell the outcomes apart.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked; for <c>audit verify</c>: every check passed.</summary>
    public const int Ok = 0;

    /// <summary>A verification ran and found at least one failure (each one is printed).</summary>
    public const int VerificationFailed = 1;

    /// <summary>Bad usage or unusable input: unknown option, missing argument, unreadable key or path.</summary>
    public const int UsageError = 2;

    /// <summary>An unexpected internal error (a bug): the message and stack trace are printed.</summary>
    public const int InternalError = 3;
}
