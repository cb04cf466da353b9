using System.Security.Cryptography;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>Random recorder files made once per run (random: nothing compresses or deduplicates), each with a distinct hash.</summary>
internal sealed class SourceFiles(string directory)
{
    private int _made;

    /// <summary>A new file of <paramref name="mib"/> MiB, synced to disk.</summary>
    public string Make(int mib)
    {
        Directory.CreateDirectory(directory);
        var n = ++_made;
        var file = Path.Combine(directory, $"REC_20261121_{n:00}0000_{n:0000}.MP4");
        var buffer = new byte[4 << 20];
        using (var output = File.Create(file))
        {
            for (var written = 0L; written < (long)mib << 20; written += buffer.Length)
            {
                RandomNumberGenerator.Fill(buffer);
                output.Write(buffer, 0, (int)Math.Min(buffer.Length, ((long)mib << 20) - written));
            }

            output.Flush(flushToDisk: true);
        }

        return file;
    }
}
