using System.Buffers.Binary;
using DockGateway.Device.Ingest;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

public sealed class WavDurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-wav-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Sample_recording_is_two_seconds_long()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), WavDuration.Read(Path.Combine(RepoPaths.Footage, "AUD_20261120_091500.WAV")));
    }

    [Fact]
    public void Data_size_running_past_the_end_of_a_cut_off_recording_counts_only_the_bytes_there()
    {
        // A recorder that lost power leaves 0xFFFFFFFF as the data size; 8 000 bytes at 16 000 B/s are there.
        Assert.Equal(TimeSpan.FromSeconds(0.5), WavDuration.Read(Write(Wav(byteRate: 16000, declaredData: uint.MaxValue, actualData: 8000))));
    }

    [Fact]
    public void Chunks_before_the_format_and_odd_sized_chunks_are_skipped()
    {
        var bytes = Concat(Riff(), Chunk("LIST", new byte[7]), Chunk("fmt ", Format(32000)), Chunk("data", new byte[64000]));
        Assert.Equal(TimeSpan.FromSeconds(2), WavDuration.Read(Write(bytes)));
    }

    [Theory]
    [InlineData("not a wav at all")]
    [InlineData("RIFF")]
    [InlineData("RIFF\0\0\0\0AVI LIST")]
    public void Files_that_are_not_wav_have_no_duration(string text)
    {
        Assert.Null(WavDuration.Read(Write(System.Text.Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void Zero_byte_rate_or_missing_data_gives_no_duration_instead_of_an_error()
    {
        Assert.Null(WavDuration.Read(Write(Wav(byteRate: 0, declaredData: 100, actualData: 100))));
        Assert.Null(WavDuration.Read(Write(Concat(Riff(), Chunk("fmt ", Format(16000))))));
        Assert.Null(WavDuration.Read(Path.Combine(_directory, "missing.wav")));
    }

    [Fact]
    public void A_chain_of_empty_chunks_is_walked_only_so_far()
    {
        var junk = Enumerable.Range(0, 1000).Select(_ => Chunk("junk", [])).ToArray();
        var bytes = Concat([Riff(), Chunk("fmt ", Format(16000)), .. junk, Chunk("data", new byte[16000])]);
        Assert.Null(WavDuration.Read(Write(bytes)));
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Wav(uint byteRate, uint declaredData, int actualData)
    {
        var data = Chunk("data", new byte[actualData]);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), declaredData);
        return Concat(Riff(), Chunk("fmt ", Format(byteRate)), data);
    }

    private static byte[] Riff() => [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8];

    private static byte[] Format(uint byteRate)
    {
        var format = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(format, 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(4), byteRate / 2);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(8), byteRate);
        return format;
    }

    private static byte[] Chunk(string id, byte[] body)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
