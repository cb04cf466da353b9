using System.Globalization;
using System.Text;

namespace DockGateway.Cloud.ApiReference;

/// <summary>Names for an operation derived from its method and route, for endpoints that give none.</summary>
public static class OperationNames
{
    /// <summary><c>GET /api/v1/agencies/{code}/officers</c> -> <c>getAgenciesByCodeOfficers</c>.</summary>
    public static string Id(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in Segments(path))
        {
            var word = segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0]) : Pascal(segment);
            id.Append(word);
        }

        return id.ToString();
    }

    public static string Tag(string path) => Segments(path).FirstOrDefault() is { } first ? Pascal(first) : "Service";

    /// <summary>The dock-facing routes that carry an RFC 9421 signature (tus uploads but their OPTIONS discovery, witnessing, custody entries).</summary>
    public static bool IsDockSigned(string method, string path) =>
        (path.StartsWith("/api/v1/uploads", StringComparison.Ordinal) && method != "OPTIONS")
        || path.StartsWith("/api/v1/witness/", StringComparison.Ordinal)
        || (method == "POST" && path.StartsWith("/api/v1/docks/", StringComparison.Ordinal) && path.EndsWith("/entries", StringComparison.Ordinal));

    /// <summary><c>/docks/{id}/entries</c> -> <c>id</c>.</summary>
    public static IEnumerable<string> RouteParameters(string path) =>
        Segments(path).Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '?')[0]);

    private static IEnumerable<string> Segments(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "api" and not "v1");

    private static string Pascal(string segment) =>
        string.Concat(segment.Split('-', '_', '.').Where(p => p.Length > 0)
            .Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
}
