using System.Globalization;
using System.Text;

namespace DockGateway.Shared.Notes;

/// <summary>The bytes a tlog-cosignature/v1 signature covers.</summary>
internal static class CosignatureMessage
{
    public static byte[] For(string checkpointBody, long unixSeconds) =>
        Encoding.UTF8.GetBytes($"cosignature/v1\ntime {unixSeconds.ToString(CultureInfo.InvariantCulture)}\n{checkpointBody}");
}
