using System.Globalization;
using System.Text;
using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Ratios;

/// <summary>Equipment ratios as CSV (RFC 4180, header row, snake_case columns), whole or streamed row by row.</summary>
public static class RatioCsv
{
    public const string Header =
        "agency_code,agency_name,class,officers,registered_officers,recorders_total,recorders_in_service,required_recorders,"
        + "compliant,shortfall,legal_review_staff,legal_review_share,legal_review_required,legal_review_compliant,"
        + "legal_review_shortfall,recorders_overdue,computed_at";

    public static string Write(IEnumerable<EquipmentRatio> ratios)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in ratios)
        {
            csv.Append(Line(r)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Streams <paramref name="ratios"/> into <paramref name="body"/> (UTF-8 with a byte-order mark), a row as it is read.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<EquipmentRatio> ratios, CancellationToken cancellationToken)
    {
        await using var writer = CsvDownload.Writer(body);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var r in ratios.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(r) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(EquipmentRatio r)
    {
        string[] fields =
        [
            Quote(r.AgencyCode), Quote(r.AgencyName), r.Class, N(r.Officers), N(r.RegisteredOfficers), N(r.RecordersTotal),
            N(r.RecordersInService), N(r.RequiredRecorders), B(r.Compliant), N(r.Shortfall), N(r.LegalReviewStaff),
            r.LegalReviewShare.ToString(CultureInfo.InvariantCulture), N(r.LegalReviewRequired), B(r.LegalReviewCompliant),
            N(r.LegalReviewShortfall), N(r.RecordersOverdue), r.ComputedAt.ToString("O", CultureInfo.InvariantCulture),
        ];
        return string.Join(',', fields);
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break; neutralises spreadsheet formulas.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";
}
