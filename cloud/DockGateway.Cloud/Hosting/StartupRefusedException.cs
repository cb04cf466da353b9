namespace DockGateway.Cloud.Hosting;

/// <summary>
/// The cloud cannot start as configured (the database cannot be opened, another instance holds the SQLite file):
/// its message names the file or key and what to do. Program prints it as one line and exits 2, without a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
