using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>
/// The ASCII command set of Ambarella-based recorders (from public code for such devices, so every
/// reply is checked): commands "@Cmd;len;arg;#", replies of at most 64 printable ASCII bytes.
/// </summary>
public static partial class AmbarellaProtocol
{
    public const int MaxReply = 64;

    public static string Login() => "@Ver;8;00000000;#";

    public static string GetDeviceId(string password) => $"@Gdv;8;{Checked(password)};#";

    public static string SetDate(DateTimeOffset local) => string.Create(CultureInfo.InvariantCulture, $"@Sdt;8;{local:yyyyMMdd};#");

    public static string SetTime(DateTimeOffset local) => string.Create(CultureInfo.InvariantCulture, $"@Stm;6;{local:HHmmss}00;#");

    public static string SwitchToMassStorage(string password) => $"@ATH;8;{Checked(password)};#";

    /// <summary>Decodes a reply, refusing empty, overlong, non-ASCII or control-character replies.</summary>
    public static string Decode(ReadOnlySpan<byte> reply, string command)
    {
        if (reply.Length == 0)
        {
            throw new AdapterException($"No reply to {command}");
        }

        if (reply.Length > MaxReply)
        {
            throw new AdapterException($"Reply to {command} is {reply.Length} bytes, more than {MaxReply}: refused");
        }

        var end = reply.IndexOf((byte)0);
        var text = end >= 0 ? reply[..end] : reply;
        foreach (var b in text)
        {
            if (b is < 0x20 or > 0x7E)
            {
                throw new AdapterException($"Reply to {command} holds a non-printable byte 0x{b:x2}: refused");
            }
        }

        return Encoding.ASCII.GetString(text);
    }

    public static bool IsLoginAccepted(string reply) => reply.Contains("Ver;OK", StringComparison.Ordinal);

    /// <summary>The device id from "@Gdv;…;&lt;id&gt;#", or null when the reply is not of that shape.</summary>
    public static string? ParseDeviceId(string reply)
    {
        var match = DeviceIdReply().Match(reply);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>A set-command is acknowledged when the reply echoes its name with OK.</summary>
    public static bool IsAcknowledged(string reply, string command) =>
        reply.StartsWith(command.AsSpan(0, 4), StringComparison.Ordinal) && reply.Contains("OK", StringComparison.Ordinal);

    private static string Checked(string password) =>
        password.Length is > 0 and <= 16 && password.All(char.IsAsciiLetterOrDigit)
            ? password
            : throw new ArgumentException("The adapter password (Dock:Hardware:AdapterPassword) must be 1-16 ASCII letters or digits", nameof(password));

    [GeneratedRegex(@"^@Gdv;[^#]*;(?<id>[A-Za-z0-9_-]{1,32})#$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceIdReply();
}
