using System.Diagnostics;
using System.Runtime.InteropServices;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Logging;
using Libc = DockGateway.Device.Interop.Interop.Libc;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>
/// A recorder volume mounted for ingest. <see cref="DisposeAsync"/> flushes and unmounts cleanly
/// (after the wipe); <see cref="DetachAsync"/> lazily unmounts a volume whose recorder was pulled out.
/// </summary>
public sealed class MountedVolume : IRecorderVolume
{
    private readonly Process? _fuseProcess;
    private readonly string? _loopDevice;
    private readonly VolumeMountOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _release = new(1, 1);
    private bool _released;

    internal MountedVolume(
        string rootPath, FileSystemKind kind, string method, bool isReadOnly,
        Process? fuseProcess, string? loopDevice, VolumeMountOptions options, ILogger logger)
    {
        RootPath = rootPath;
        Kind = kind;
        Method = method;
        IsReadOnly = isReadOnly;
        _fuseProcess = fuseProcess;
        _loopDevice = loopDevice;
        _options = options;
        _logger = logger;
    }

    public string RootPath { get; }

    public bool IsReadOnly { get; }

    public FileSystemKind Kind { get; }

    /// <summary>kernel, fusefat or exfat-fuse.</summary>
    public string Method { get; }

    /// <summary>The FUSE driver's process id when the dock runs it (fusefat), for diagnostics and tests.</summary>
    public int? FuseProcessId => _fuseProcess?.Id;

    public bool IsMounted => !_released && MountTable.Find(RootPath) is not null;

    public async ValueTask FlushAsync(CancellationToken cancellationToken) =>
        await Task.Run(Libc.sync, cancellationToken);

    /// <summary>Flush, unmount, wait for the FUSE driver to finish writing, release the loop device.</summary>
    public ValueTask DisposeAsync() => ReleaseAsync(lazy: false);

    /// <summary>The recorder is gone: detach the mount now (MNT_DETACH) and never wait on the dead device.</summary>
    public ValueTask DetachAsync() => ReleaseAsync(lazy: true);

    private async ValueTask ReleaseAsync(bool lazy)
    {
        await _release.WaitAsync();
        try
        {
            if (_released)
            {
                return;
            }

            _released = true;
            if (!lazy)
            {
                await Task.Run(Libc.sync);
            }

            await UnmountAsync(lazy);
            await StopDriverAsync(lazy);
            if (_loopDevice is not null && !await LoopDevice.DetachAsync(_loopDevice, _options))
            {
                _logger.LogWarning("Loop device {Loop} for {MountPoint} is still busy and stays attached", _loopDevice, RootPath);
            }

            TryRemoveMountPoint();
        }
        finally
        {
            _release.Release();
        }
    }

    private async Task UnmountAsync(bool lazy)
    {
        if (MountTable.Find(RootPath) is null)
        {
            return;
        }

        if (Libc.umount2(RootPath, lazy ? Libc.MNT_DETACH : 0) == 0)
        {
            _logger.LogInformation("Unmounted {MountPoint}{Lazy}", RootPath, lazy ? " (lazily: recorder pulled out)" : string.Empty);
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (Method != "kernel")
        {
            var result = await ExternalCommand.RunAsync(
                _options.Fusermount, [lazy ? "-uz" : "-u", RootPath], _options.Timeout, CancellationToken.None);
            if (result.ExitCode == 0)
            {
                return;
            }
        }

        if (!lazy && errno == Libc.EBUSY)
        {
            _logger.LogWarning("{MountPoint} is busy: detaching it lazily", RootPath);
            _ = Libc.umount2(RootPath, Libc.MNT_DETACH);
            return;
        }

        throw new MountException($"Could not unmount {RootPath}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    private async Task StopDriverAsync(bool lazy)
    {
        if (_fuseProcess is null)
        {
            return;
        }

        using var wait = new CancellationTokenSource(lazy ? TimeSpan.FromSeconds(2) : _options.Timeout);
        try
        {
            await _fuseProcess.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("FUSE driver {Pid} for {MountPoint} did not exit: killing it", _fuseProcess.Id, RootPath);
            _fuseProcess.Kill();
        }

        _fuseProcess.Dispose();
    }

    private void TryRemoveMountPoint()
    {
        try
        {
            if (MountTable.Find(RootPath) is null)
            {
                Directory.Delete(RootPath);
            }
        }
        catch (IOException e)
        {
            _logger.LogWarning("Could not remove mount point {MountPoint}: {Error}", RootPath, e.Message);
        }
    }
}
