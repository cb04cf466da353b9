using System.Net.Http.Json;
using Dapper;
using DockGateway.Cloud.Storage;
using System.Text.Json;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using DockGateway.Shared.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Tests.Enrolment;

/// <summary>A dock enrolled on a test host through the real API (agency, token, enrol), with its key.</summary>
public sealed class TestDock : IDisposable
{
    private TestDock(CloudTestHost host, string agency, JsonElement enrolment, Ed25519PrivateKey key)
    {
        Host = host;
        Agency = agency;
        Key = key;
        DockId = enrolment.GetProperty("dockId").GetString()!;
        Origin = enrolment.GetProperty("origin").GetString()!;
        WitnessKey = enrolment.GetProperty("witnessKey").GetString()!;
        ReceiptKey = enrolment.GetProperty("receiptKey").GetString()!;
    }

    public CloudTestHost Host { get; }

    public string Agency { get; }

    public Ed25519PrivateKey Key { get; }

    public string DockId { get; }

    public string Origin { get; }

    public string WitnessKey { get; }

    public string ReceiptKey { get; }

    public static string NewAgencyCode() => "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Creates an agency straight in the registry table (the registry API is another branch's).</summary>
    public static async Task CreateAgencyAsync(CloudTestHost host, string code)
    {
        var database = host.Services.GetRequiredService<ICloudDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var now = host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(
            "INSERT INTO agencies (code, name, class, officer_count, class_c_minimum, legal_review_staff, created_at, updated_at) "
            + "VALUES (@code, @name, 'A', 10, NULL, 1, @now, @now)",
            new { code, name = $"Agency {code}", now });
    }

    public static async Task<string> CreateTokenAsync(CloudTestHost host, string agency, string? bearer = null)
    {
        using var client = host.Client(bearer ?? host.AdminToken);
        var response = await client.PostAsync($"/api/v1/agencies/{agency}/enrolment-tokens", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Enrols a dock for <paramref name="agency"/> (created first unless <paramref name="existingAgency"/>; a new one when null).</summary>
    public static async Task<TestDock> EnrolAsync(CloudTestHost host, string? agency = null, bool existingAgency = false)
    {
        agency ??= NewAgencyCode();
        if (!existingAgency)
        {
            await CreateAgencyAsync(host, agency);
        }

        var token = await CreateTokenAsync(host, agency);
        var key = Ed25519PrivateKey.Generate();
        using var client = host.Client();
        var response = await client.PostAsJsonAsync("/api/v1/docks/enrol",
            new { token, publicKey = Convert.ToBase64String(key.PublicKey), site = "Station 1", slots = 8 });
        response.EnsureSuccessStatusCode();
        return new TestDock(host, agency, await response.Content.ReadFromJsonAsync<JsonElement>(), key);
    }

    public HttpRequestSigner Signer(TimeProvider? time = null) => new(DockId, Key, time ?? Host.Time);

    /// <summary>Signs <paramref name="request"/> over <paramref name="body"/> and sends it (no redirects, raw), to this
    /// dock's host or to <paramref name="via"/> (another instance of the same cloud); <paramref name="content"/> sends
    /// the body its own way (e.g. slowly), still signed over <paramref name="body"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, byte[]? body = null, TimeProvider? time = null, CloudTestHost? via = null, HttpContent? content = null)
    {
        body ??= [];
        request.RequestUri = new Uri((via ?? Host).BaseAddress, request.RequestUri!);
        if (body.Length > 0 || request.Method != HttpMethod.Head)
        {
            var headers = request.Content?.Headers.ToList();
            request.Content = content ?? new ByteArrayContent(body);
            foreach (var header in headers ?? [])
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        Signer(time).Sign(request, body);
        using var client = new HttpClient();
        return await client.SendAsync(request);
    }

    /// <summary>The dock's signed checkpoint note for a tree of <paramref name="size"/> leaves.</summary>
    public string SignCheckpoint(long size, byte[] rootHash) =>
        new NoteSigner(Origin, Key).SignNote(new Checkpoint(Origin, size, rootHash).ToBody()).ToString();

    public void Dispose() => Key.Dispose();
}
