using System.Diagnostics;
using System.Text;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>Runs a helper program (fusermount, losetup, mount.exfat-fuse) with a timeout, capturing its output.</summary>
internal static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Describe() => string.IsNullOrWhiteSpace(Error) ? Output.Trim() : Error.Trim();
    }

    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0.#} s");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a program with redirected output; a missing program names the Debian package hint in the message.</summary>
    public static Process Start(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new MountException($"{program} could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MountException($"{program} could not be started ({e.Message}); is it installed? (fuse3, fusefat, exfat-fuse, util-linux)", e);
        }
    }
}
