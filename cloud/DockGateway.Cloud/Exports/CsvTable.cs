using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Exports;

/// <summary>
/// An exported table: its header line and how one item becomes a row of <see cref="CsvField"/>s. Written as
/// <see cref="CsvDownload"/> hands out every CSV (UTF-8 with a byte-order mark, CRLF lines), whole or streamed row by row.
/// </summary>
public sealed class CsvTable<T>(string header, Func<T, string[]> row)
{
    public string Header { get; } = header;

    /// <summary>The whole document as the answer.</summary>
    public IResult Of(IEnumerable<T> items) => CsvDownload.Of(Text(items));

    /// <summary>The document streamed as <paramref name="items"/> are read (exports of any length).</summary>
    public IResult Stream(IAsyncEnumerable<T> items, CancellationToken cancellationToken) =>
        Results.Stream(body => WriteAsync(body, items, cancellationToken), CsvDownload.ContentType);

    public string Text(IEnumerable<T> items)
    {
        var csv = new System.Text.StringBuilder(Header).Append("\r\n");
        foreach (var item in items)
        {
            csv.AppendJoin(',', row(item)).Append("\r\n");
        }

        return csv.ToString();
    }

    public async Task WriteAsync(Stream body, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(string.Join(',', row(item)) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }
}
