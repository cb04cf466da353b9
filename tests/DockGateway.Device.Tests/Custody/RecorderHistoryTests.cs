using DockGateway.Device.Custody;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Custody;
using DockGateway.Testing.Custody;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DockGateway.Device.Tests.Custody;

public class RecorderHistoryTests
{
    [Fact]
    public void Only_the_recorders_entries_since_the_last_decision_are_read()
    {
        using var dock = new TestDock();
        dock.Log.Append(TestEntries.Ingested(new string('a', 64), 1, "a.mp4", "R1", "DCIM/REC_1_0001.MP4"));
        dock.Log.Append(TestEntries.Ingested(new string('b', 64), 1, "b.mp4", "R2", "DCIM/REC_1_0002.MP4"));
        dock.Log.DecideSequences("R1", 1, dock.Log.Size);
        dock.Log.Append(TestEntries.Duplicate("DCIM/REC_1_0003.MP4", new string('a', 64), 0, "R1"));
        dock.Log.Append(GapEntry.Between(1, "R1", 3, 5));

        var history = dock.Log.RecorderHistory("R1");

        Assert.Equal((long?)1, history.LastSequence);
        Assert.Equal(dock.Log.Size, history.LogSize);
        Assert.Equal(["DCIM/REC_1_0003.MP4"], history.Paths);
        Assert.Equal([(3L, 5L)], history.ReportedGaps);
        Assert.Equal(["DCIM/REC_1_0002.MP4"], dock.Log.RecorderHistory("R2").Paths);
    }

    [Fact]
    public void A_database_from_before_decided_through_opens_and_keeps_its_last_sequence()
    {
        using var dock = new TestDock();
        dock.Log.Append(TestEntries.Ingested(new string('a', 64), 1, "a.mp4", "R1", "DCIM/REC_1_0007.MP4"));
        dock.Restart();
        using (var connection = new SqliteConnection($"Data Source={CustodyStore.PathIn(dock.DataDirectory)};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE recorders; CREATE TABLE recorders (serial TEXT PRIMARY KEY, last_sequence INTEGER NULL); INSERT INTO recorders VALUES ('R1', 6);";
            command.ExecuteNonQuery();
        }

        dock.Restart();
        var history = dock.Log.RecorderHistory("R1");

        Assert.Equal((6L, 1), (history.LastSequence!.Value, history.Paths.Count));
    }
}
