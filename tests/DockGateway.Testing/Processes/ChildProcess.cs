using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DockGateway.Testing.Processes;

/// <summary>
/// A child process whose standard output and error are read all along (so it never stalls on a full
/// pipe) and whose last lines are kept for failure messages. <see cref="Kill"/> is SIGKILL: no shutdown
/// code runs, as in a power cut. Disposing kills it if it still runs.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    /// <param name="start">What to run; output is always redirected.</param>
    /// <param name="onErrorLine">Called with each line of standard error (e.g. to echo it), besides keeping it.</param>
    public ChildProcess(ProcessStartInfo start, Action<string>? onErrorLine = null)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName} {string.Join(' ', start.ArgumentList)}");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data is not null)
            {
                onErrorLine?.Invoke(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// The last 40 lines the process printed (output and error), for failure messages and checks. Once the process
    /// has exited, its redirected output is drained first: its last lines (a crash point's own words) may still be
    /// in the pipe when <see cref="HasExited"/> turns true.
    /// </summary>
    public string Tail
    {
        get
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
            }

            return string.Join('\n', _lines.TakeLast(40));
        }
    }

    /// <summary>Waits for the process to end by itself (and for its output to be read); false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // with a timeout, the redirected output may not be drained yet
        return true;
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    /// <inheritdoc cref="Kill"/>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it; kills it when it is not gone after <paramref name="timeout"/>.</summary>
    public void Stop(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!WaitForExit(timeout))
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
