using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DockGateway.Testing.Processes;

/// <summary>
/// The cloud's admin API as a test rig uses it: create an agency, issue a one-time enrolment token and
/// enrol a dock with it, as an administrator and a dock installer would.
/// </summary>
public sealed class CloudAdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _admin;

    /// <param name="baseAddress">The cloud's root address.</param>
    /// <param name="adminToken">A people token with the admin role (e.g. the bootstrap admin token).</param>
    public CloudAdminClient(Uri baseAddress, string adminToken)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseAddress, "api/v1/") };
        _admin = new AuthenticationHeaderValue("Bearer", adminToken);
    }

    /// <summary>Creates agency <paramref name="code"/> (class A, no class C minimum, one legal reviewer); an existing one is kept as it is.</summary>
    public async Task EnsureAgencyAsync(string code, string name, int officerCount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "agencies")
        {
            Content = JsonContent.Create(new { code, name, @class = "A", officerCount, classCMinimum = (int?)null, legalReviewStaff = 1 }),
        };
        request.Headers.Authorization = _admin;
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Issues an enrolment token for <paramref name="agency"/> and enrols a dock with it; returns the enrolment answer (dockId, origin, receiptKey, witnessKey, ...).</summary>
    public async Task<JsonElement> EnrolDockAsync(string agency, byte[] publicKey, string site, int slots)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"agencies/{agency}/enrolment-tokens");
        request.Headers.Authorization = _admin;
        using var issued = await _http.SendAsync(request);
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var enrolment = await _http.PostAsJsonAsync("docks/enrol", new { token, publicKey = Convert.ToBase64String(publicKey), site, slots });
        enrolment.EnsureSuccessStatusCode();
        return await enrolment.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => _http.Dispose();
}
