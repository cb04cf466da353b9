using System.Diagnostics.Metrics;
using Dapper;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Metrics;

/// <summary>
/// <c>dockgateway.cloud.docks.online</c>: enrolled docks whose last MQTT status said online, read from the
/// database (shared by every instance) at most once per <see cref="CacheFor"/>, so scrapes cost no more than that.
/// </summary>
public sealed class DocksOnlineGauge
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ICloudDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<DocksOnlineGauge> _logger;
    private readonly Lock _lock = new();
    private long _online;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public DocksOnlineGauge(IMeterFactory meters, ICloudDatabase database, TimeProvider time, ILogger<DocksOnlineGauge> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        meters.Create(CloudMetrics.MeterName).CreateObservableGauge(
            "dockgateway.cloud.docks.online", Read, "{dock}", "Docks whose latest status message said online.");
    }

    private long Read()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _readAt < CacheFor)
            {
                return _online;
            }

            try
            {
                using var connection = _database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
                _online = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM fleet_docks WHERE online = 1");
                _readAt = now;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Could not count the docks online; the metric keeps {Online}", _online);
            }

            return _online;
        }
    }
}
