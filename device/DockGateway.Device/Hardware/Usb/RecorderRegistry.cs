using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// The serials registered to this dock's agency: Dock:Hardware:RegisteredSerials plus the file named
/// by Dock:Hardware:RegisteredSerialsFile (one per line, # comments), re-read at every insertion so
/// a registry sync only has to rewrite the file.
/// </summary>
public sealed class RecorderRegistry(IOptions<DockHardwareOptions> options, ILogger<RecorderRegistry> logger)
{
    public bool IsRegistered(string serial)
    {
        if (options.Value.RegisteredSerials.Contains(serial, StringComparer.Ordinal))
        {
            return true;
        }

        var file = options.Value.RegisteredSerialsFile;
        if (string.IsNullOrEmpty(file))
        {
            return false;
        }

        try
        {
            return File.ReadLines(file)
                .Select(l => l.Split('#', 2)[0].Trim())
                .Any(l => l.Length > 0 && string.Equals(l, serial, StringComparison.Ordinal));
        }
        catch (IOException e)
        {
            logger.LogWarning("Registered serials file {File} (Dock:Hardware:RegisteredSerialsFile) unreadable: {Error}", file, e.Message);
            return false;
        }
    }
}
