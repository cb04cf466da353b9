using System.Globalization;
using DockGateway.Cloud.DockAuth;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Uploads;

/// <summary>The shared "may this dock touch this upload" check of HEAD, PATCH and DELETE.</summary>
public static class TusUploadLookup
{
    /// <summary>404 for a missing upload or another dock's, 410 for an expired unfinished one; else null.</summary>
    public static IResult? Refuse(TusUpload? upload, DockIdentity dock, DateTimeOffset now, HttpResponse response)
    {
        if (upload is null || upload.DockId != dock.DockId)
        {
            return TusResults.Problem(404, "No such upload", "There is no upload with this id for this dock.");
        }
        if (!upload.IsComplete && upload.ExpiresAt <= now)
        {
            response.Headers[TusProtocol.UploadExpires] = upload.ExpiresAt.ToString("r", CultureInfo.InvariantCulture);
            return TusResults.Problem(410, "Upload expired", $"Upload {upload.Id} expired at {upload.ExpiresAt:O}; create it again.");
        }
        return null;
    }
}
