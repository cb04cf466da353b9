using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Tests.Support;

/// <summary>Keeps every log event (level and rendered message), so a test can count what was reported.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Events { get; } = new();

    public int Count(LogLevel level, string containing) =>
        Events.Count(e => e.Level == level && e.Message.Contains(containing, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Events.Enqueue((logLevel, formatter(state, exception)));
}
