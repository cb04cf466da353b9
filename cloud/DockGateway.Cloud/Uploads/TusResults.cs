using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Uploads;

/// <summary>RFC 9457 problem details for the upload endpoints.</summary>
public static class TusResults
{
    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
