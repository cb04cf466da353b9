using System.Net;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Witness;
using DockGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// A dock of <paramref name="Agency"/> whose custody log the cloud witnessed through the real API, as a dock posts it:
/// an <c>ingested</c> entry for two samples in tests/fixtures/footage (REC_…0001.MP4 ended 2 h before it docked, REC_…0002.MP4
/// 3 days before, late; recorder <paramref name="Recorder"/>) and an <c>uploaded</c> entry for the first, a cosigned checkpoint of the whole log, the
/// entries mirrored, then a checkpoint of the same size with another root (refused, kept as evidence).
/// </summary>
public sealed record CustodySeed(string Agency, string DockId, string Origin, string Recorder, string DockKey, string WitnessKey, string Sample)
{
    public const string SampleName = "REC_20261120_083012_0001.MP4";

    public static async Task<CustodySeed> CreateAsync(CloudTestHost host, string agency, string recorder)
    {
        using var dock = await TestDock.EnrolAsync(host, agency, existingAgency: true);
        var samples = new[] { SampleName, "REC_20261120_090540_0002.MP4" };
        // The first ended 2 h before it docked (timely), the second 3 days before (late).
        var now = DateTimeOffset.FromUnixTimeSeconds(host.Time.GetUtcNow().ToUnixTimeSeconds());
        var ends = new[] { now.AddHours(-2), now.AddDays(-3) };
        var entries = new List<CustodyEntry>();
        for (var i = 0; i < samples.Length; i++)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Footage, samples[i]));
            entries.Add(new IngestedEntry(1, recorder, "Hikvision", "DSJ-T9", "/DCIM/100MEDIA/" + samples[i], Convert.ToHexStringLower(SHA256.HashData(bytes)),
                bytes.Length, $"{recorder}/{samples[i]}", ends[i].AddMinutes(-10), ends[i], "recorder", Late: i == 1)
            {
                Dock = dock.DockId, Time = host.Time.GetUtcNow().AddMinutes(i),
            });
        }

        var first = (IngestedEntry)entries[0];
        entries.Add(new UploadedEntry(0, first.Sha256, first.Size, "upload-1", "receipt note (not checked here)\n")
        {
            Dock = dock.DockId, Time = host.Time.GetUtcNow().AddMinutes(5),
        });
        var encoded = entries.Select(e => Encoding.UTF8.GetString(CustodyEntryCodec.Encode(e))).ToList();
        var log = new MerkleTree(encoded.Select(e => MerkleHash.Leaf(Encoding.UTF8.GetBytes(e))));
        var cosign = await AddCheckpointAsync(dock, 0, log.Size, log.RootHash());
        Assert.True(cosign.StatusCode == HttpStatusCode.OK, await cosign.Content.ReadAsStringAsync());

        var items = string.Join(",", encoded.Select((e, i) => $"{{\"index\":{i},\"entry\":{e}}}"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dock.DockId}/entries")
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };
        var stored = await dock.SendAsync(request, Encoding.UTF8.GetBytes($"{{\"entries\":[{items}]}}"));
        Assert.True(stored.StatusCode == HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());

        host.Time.Advance(TimeSpan.FromSeconds(30));
        var refused = await AddCheckpointAsync(dock, log.Size, log.Size, SHA256.HashData("another root"u8));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var identity = await host.Services.GetRequiredService<IDockKeys>().FindAsync(dock.DockId, CancellationToken.None);
        return new CustodySeed(agency, dock.DockId, dock.Origin, recorder, DockCheckpointKey.VerifierKey(identity!), dock.WitnessKey,
            Path.Combine(RepoPaths.Footage, SampleName));
    }

    private static async Task<HttpResponseMessage> AddCheckpointAsync(TestDock dock, long old, long size, byte[] root) =>
        await dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/witness/add-checkpoint"),
            Encoding.UTF8.GetBytes(new AddCheckpointRequest(old, [], dock.SignCheckpoint(size, root)).Format()));
}
