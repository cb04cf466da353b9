namespace DockGateway.Cloud.ApiReference;

/// <summary>
/// Endpoint metadata: the 2xx answer <see cref="Status"/> can also come as <see cref="ContentType"/> (a CSV export
/// beside the JSON, a plain-text health answer, a tlog-witness cosignature), a string body. ASP.NET Core keeps one
/// content type per status from <c>Produces</c>, so <see cref="CloudOperationTransformer"/> adds this one.
/// </summary>
public sealed record AlternativeBody(int Status, string ContentType, string Description);
