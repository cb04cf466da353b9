using System.Buffers.Binary;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The length of a WAV recording (RIFF/WAVE): the <c>data</c> chunk's size over the <c>fmt </c> chunk's
/// byte rate. The file comes from an untrusted recorder, so the walk is bounded (64 chunks), a size
/// running past the end of the file is cut to what is there (a recorder cut off mid-recording writes
/// 0 or 0xFFFFFFFF), and anything unexpected gives no duration rather than an error.
/// </summary>
public static class WavDuration
{
    private const int MaxChunks = 64;

    public static TimeSpan? Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan? Read(FileStream file)
    {
        Span<byte> header = stackalloc byte[12];
        if (file.Read(header) != 12 || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            return null;
        }

        uint byteRate = 0;
        long? dataBytes = null;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> format = stackalloc byte[12];
        for (var i = 0; i < MaxChunks && dataBytes is null && file.Read(chunk) == 8; i++)
        {
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var start = file.Position;
            if (chunk[..4].SequenceEqual("fmt "u8) && size >= 12 && file.Read(format) == 12)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(format[8..]);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                dataBytes = Math.Min(size, file.Length - start);
                break;
            }

            file.Position = start + size + (size & 1); // chunks are padded to an even size
        }

        return byteRate > 0 && dataBytes is > 0 ? TimeSpan.FromSeconds((double)dataBytes.Value / byteRate) : null;
    }
}
