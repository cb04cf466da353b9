namespace DockGateway.Cloud.Cases;

/// <summary>A case package cannot be built yet (answered 409 with the message).</summary>
public sealed class CasePackageException(string message) : Exception(message);
