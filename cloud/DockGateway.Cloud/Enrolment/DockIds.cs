using System.Security.Cryptography;
using System.Text;

namespace DockGateway.Cloud.Enrolment;

/// <summary>Dock ids and log origins.</summary>
public static class DockIds
{
    /// <summary><c>dock-</c> and 16 lower-case hex digits.</summary>
    public static string New() => "dock-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary><c>&lt;agency&gt;.&lt;domain&gt;/&lt;dock id&gt;</c>, the agency lower-cased with anything
    /// but a-z, 0-9 and '-' replaced by '-', so the origin is a valid note key name.</summary>
    public static string Origin(string agencyCode, string domain, string dockId)
    {
        var agency = new StringBuilder(agencyCode.Length);
        foreach (var c in agencyCode.ToLowerInvariant())
        {
            agency.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? c : '-');
        }
        return $"{agency}.{domain}/{dockId}";
    }
}
