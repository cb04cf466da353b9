using DockGateway.Cloud.Exports;

namespace DockGateway.Cloud.Fleet;

/// <summary>The CSV columns of recorders seen at a dock while unregistered.</summary>
public static class UnregisteredSightingCsv
{
    public static readonly CsvTable<UnregisteredSighting> Table = new(
        "serial,agency_code,sightings,first_seen,last_seen,last_dock_id,registered_agency",
        s =>
        [
            CsvField.Text(s.Serial), CsvField.Text(s.AgencyCode), CsvField.Number(s.Sightings), CsvField.Time(s.FirstSeen),
            CsvField.Time(s.LastSeen), CsvField.Text(s.LastDockId), CsvField.Text(s.RegisteredAgency),
        ]);
}
