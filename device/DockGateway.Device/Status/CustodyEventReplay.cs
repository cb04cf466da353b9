using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Status;

/// <summary>
/// At start, puts into the outbox every custody entry after the last one mirrored there, so an entry
/// committed just before a crash (its event still only in memory) is announced after all.
/// </summary>
public sealed class CustodyEventReplay(EventOutbox outbox, ILogger<CustodyEventReplay> logger, CustodyLog? log = null) : IHostedService
{
    private const int Page = 1000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (log is null)
        {
            return Task.CompletedTask; // status without the dock core (tests, tools)
        }

        var from = outbox.HighestCustodyIndex() + 1;
        var size = log.Size;
        var added = 0;
        for (var start = from; start < size && !cancellationToken.IsCancellationRequested; start += Page)
        {
            var events = log.Entries(start, Math.Min(start + Page, size))
                .Select(Map)
                .OfType<DockEvent>()
                .ToList();
            added += outbox.Append(events);
        }

        if (added > 0)
        {
            logger.LogInformation("Recovered {Count} custody events (entries {From}..{Size}) into the outbox", added, from, size - 1);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private DockEvent? Map(CustodyRecord record)
    {
        try
        {
            return CustodyEventMapper.Map(record.Index, record.Entry);
        }
        catch (CustodyEntryFormatException e)
        {
            logger.LogError("Custody entry {Index} announces no event: {Problem}", record.Index, e.Message);
            return null;
        }
    }
}
