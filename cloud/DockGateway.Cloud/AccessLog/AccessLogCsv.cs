using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.AccessLog;

/// <summary>The access log's CSV columns.</summary>
public static class AccessLogCsv
{
    public static readonly CsvTable<AccessLogEntry> Table = new(
        "at,actor_id,actor_name,role,action,resource,agency_code,detail,id",
        e =>
        [
            CsvField.Time(e.At), CsvField.Text(e.ActorId), CsvField.Text(e.ActorName), CsvField.Text(e.Role), CsvField.Text(e.Action),
            CsvField.Text(e.Resource), CsvField.Text(e.AgencyCode), CsvField.Text(e.Detail), e.Id,
        ]);
}
