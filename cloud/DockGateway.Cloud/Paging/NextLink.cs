using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DockGateway.Cloud.Paging;

/// <summary>The RFC 8288 <c>Link: &lt;…&amp;after=…&gt;; rel="next"</c> header of a paged list: the request's own query with <c>after</c> replaced.</summary>
public static class NextLink
{
    public static void Set(HttpContext http, string next)
    {
        var rest = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(p => p.Key != "after").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        http.Response.Headers.Link = $"<{http.Request.Path}?{string.Join('&', rest.Append("after=" + Uri.EscapeDataString(next)))}>; rel=\"next\"";
    }
}
