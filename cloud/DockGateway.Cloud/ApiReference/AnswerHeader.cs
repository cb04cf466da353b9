namespace DockGateway.Cloud.ApiReference;

/// <summary>Endpoint metadata: the answer <see cref="Status"/> carries the header <see cref="Name"/> (tus answers carry their content in headers).</summary>
public sealed record AnswerHeader(int Status, string Name, string Description);
