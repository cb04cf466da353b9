using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DockGateway.Testing;

/// <summary>
/// Free TCP ports on 127.0.0.1 for the servers tests start (brokers, the cloud, fake peers), chosen
/// below the kernel's ephemeral range. A port the OS hands out for <c>bind(0)</c> lies inside that range,
/// where, between the pick and the server's own bind (or while a broker is down for a restart test),
/// any outgoing connection of a parallel test may take it as its source port, or a client retrying the
/// closed port may connect to itself (TCP simultaneous open). Ports below the range are never used for
/// outgoing connections, so only another explicit bind can take them: the pick checks with a bind and
/// never hands out a port twice in one process.
/// </summary>
public static class LoopbackPort
{
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly (int Low, int High) s_range = Range();

    /// <summary>A port that was free a moment ago and that no outgoing connection will take.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(s_range.Low, s_range.High);
            lock (s_handedOut)
            {
                if (s_handedOut.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                s_handedOut.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"no free port between {s_range.Low} and {s_range.High} on 127.0.0.1");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>From 10000 up to the start of the ephemeral range (/proc/sys/net/ipv4/ip_local_port_range; 32768 by default).</summary>
    private static (int Low, int High) Range()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralLow = 32768;
        if (File.Exists(RangeFile)
            && int.TryParse(File.ReadAllText(RangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low))
        {
            ephemeralLow = low;
        }

        return ephemeralLow > 12000 ? (10000, ephemeralLow) : (ephemeralLow / 2, ephemeralLow);
    }
}
