using System.Collections.Concurrent;
using System.Net;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Requests_are_not_logged_at_information_but_a_completed_upload_is()
    {
        var recorder = new RecordingProvider();
        await using var host = await CloudTestHost.StartAsync(
            CloudStorageKind.Sqlite,
            configureServices: services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(recorder)));
        using var dock = await TestDock.EnrolAsync(host);
        var file = new byte[10_000];
        Random.Shared.NextBytes(file);
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1)));
        Assert.Equal(HttpStatusCode.NoContent, (await dock.SendAsync(Patch(created.Headers.Location!.ToString(), 0, file), file)).StatusCode);

        var aspNet = recorder.Lines.Where(l => l.Level < LogLevel.Warning && l.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
            && !l.Category.StartsWith("Microsoft.AspNetCore.DataProtection.", StringComparison.Ordinal)).ToList(); // one line at start, not per request
        Assert.True(aspNet.Count == 0, string.Join("\n", aspNet));
        Assert.Contains(recorder.Lines, l => l.Level == LogLevel.Information && l.Category == "DockGateway.Cloud.Uploads.UploadCompletion");
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue((category, logLevel));
        }
    }
}
