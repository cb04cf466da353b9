using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Finds when a recording was made: QuickTime movie header (MP4/MOV creation time + duration) or EXIF
/// DateTimeOriginal via MetadataExtractor, else the file name, else the file's modification time; a
/// WAV's length (<see cref="WavDuration"/>) gives its end from a start in the name, or its start from the file time.
/// Reads the dock's stored copy, never the recorder. Unparseable metadata falls through, never throws.
/// </summary>
public static class RecordingTimeReader
{
    private static readonly DateTime s_quickTimeEpoch = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static RecordingTime Read(string storedPath, string fileName, DateTimeOffset fileModified)
    {
        if (FromMetadata(storedPath) is { } metadata)
        {
            return metadata;
        }

        // A WAV carries no time of its own, but its length: the name gives the start; a file time is
        // when the recorder closed the file, i.e. the end.
        var length = fileName.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? WavDuration.Read(storedPath) ?? TimeSpan.Zero : TimeSpan.Zero;
        if (FileNamePatterns.Timestamp(fileName) is { } start)
        {
            return new RecordingTime(start, start + length, RecordingTime.FileName);
        }

        return new RecordingTime(fileModified - length, fileModified, RecordingTime.FileTime);
    }

    private static RecordingTime? FromMetadata(string path)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(path);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }

        var movie = directories.OfType<QuickTimeMovieHeaderDirectory>().FirstOrDefault();
        if (movie is not null && movie.TryGetDateTime(QuickTimeMovieHeaderDirectory.TagCreated, out var created) && created > s_quickTimeEpoch)
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
            return new RecordingTime(start, start + Duration(movie), RecordingTime.Metadata);
        }

        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (exif is not null && exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var taken))
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(taken, DateTimeKind.Utc));
            return new RecordingTime(at, at, RecordingTime.Metadata);
        }

        return null;
    }

    private static TimeSpan Duration(QuickTimeMovieHeaderDirectory movie)
    {
        var value = movie.GetObject(QuickTimeMovieHeaderDirectory.TagDuration);
        return value switch
        {
            TimeSpan span when span >= TimeSpan.Zero => span,
            long or int or uint or ulong when movie.TryGetInt64(QuickTimeMovieHeaderDirectory.TagTimeScale, out var scale) && scale > 0
                => TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) / scale),
            _ => TimeSpan.Zero,
        };
    }
}
