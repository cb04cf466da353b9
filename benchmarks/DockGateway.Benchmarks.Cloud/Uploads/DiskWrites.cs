using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// Bytes the machine's disks have written so far (whole disks in <c>/sys/block</c>, sectors of 512 bytes; partitions
/// are not counted twice). Read before and after a timed run, it shows whether a server's bytes reached the disk
/// within the run or were left in the page cache.
/// </summary>
public static class DiskWrites
{
    public static long Bytes()
    {
        long sectors = 0;
        foreach (var disk in Directory.EnumerateDirectories("/sys/block"))
        {
            var stat = Path.Combine(disk, "stat");
            if (File.Exists(stat))
            {
                var fields = File.ReadAllText(stat).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                sectors += long.Parse(fields[6], CultureInfo.InvariantCulture);
            }
        }

        return sectors * 512;
    }
}
