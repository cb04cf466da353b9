namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>One system call from an strace log: its thread, name, text (arguments as strace printed them, fds with their paths)
/// and the log lines it began and ended on (the same line unless another thread's call came between).</summary>
public sealed record TracedCall(int Pid, string Name, string Text, int Start, int End)
{
    public bool Before(TracedCall later) => End < later.Start;

    public override string ToString() => $"[{Start}-{End}] {Text}";
}
