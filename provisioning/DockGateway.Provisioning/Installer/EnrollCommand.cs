using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DockGateway.Shared.Crypto;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// <c>dockctl enroll --cloud URL --token TOKEN</c>: POST /api/v1/docks/enrol with the dock's public key;
/// the answer is stored where the dock reads it: Dock:DockId, Dock:Agency, Dock:Origin (the checkpoint
/// origin and key name), Sync:CloudUrl, Sync:ReceiptKey and Sync:WitnessKey.
/// </summary>
public static class EnrollCommand
{
    public const string EnrolPath = "api/v1/docks/enrol";

    public static Command Create(Option<string> config, Func<HttpClient>? client = null)
    {
        var cloud = new Option<string>("--cloud") { Description = "The cloud's base URL (https://…)", HelpName = "URL", Required = true };
        var token = new Option<string>("--token") { Description = "The one-time enrolment token from the cloud's admin", Required = true };
        var site = new Option<string>("--site") { Description = "Where the dock is installed (shown in the cloud)", DefaultValueFactory = _ => Environment.MachineName };
        var slotCount = new Option<int?>("--slots") { Description = "How many slots the dock has (default: the configured slots, else 4)" };
        var command = new Command("enroll", "Enrol this dock with the cloud using a one-time token") { config, cloud, token, site, slotCount };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = DockConfigFile.Load(parse.GetRequiredValue(config));
            var keyPath = (string?)file.Dock["KeyFile"] ?? Path.Combine((string?)file.Dock["DataDirectory"] ?? "/var/lib/dockgateway", "dock.key");
            byte[] publicKey;
            try
            {
                using var key = KeyFile.Read(keyPath);
                publicKey = key.PublicKey;
            }
            catch (Exception e) when (e is KeyFileException or IOException)
            {
                throw new InputException($"no usable dock key at {keyPath} (run 'dockctl init'): {e.Message}", e);
            }

            if (!Uri.TryCreate(parse.GetRequiredValue(cloud), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
            {
                throw new InputException($"--cloud '{parse.GetRequiredValue(cloud)}' is not an http(s) URL");
            }

            if (baseUri.Scheme != Uri.UriSchemeHttps && !baseUri.IsLoopback)
            {
                throw new InputException($"--cloud {baseUri} must be https (plain http is accepted for 127.0.0.1 only)");
            }

            // The cloud wants 1-64 slots; enrolment usually comes before 'dockctl slots learn', so none may be configured yet.
            var configured = (file.Hardware["Slots"] as JsonArray)?.Count ?? 0;
            var slots = parse.GetValue(slotCount) ?? (configured > 0 ? configured : 4);
            var request = new EnrolRequest(parse.GetRequiredValue(token), Convert.ToBase64String(publicKey), parse.GetRequiredValue(site), slots);
            using var http = client?.Invoke() ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var uri = new Uri(new Uri(baseUri.ToString().TrimEnd('/') + "/"), EnrolPath);
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync(uri, request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InputException($"could not reach {uri}: {e.Message}", e);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"dockctl: enrolment refused: {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
                    return ExitCodes.VerificationFailed;
                }

                var answer = Parse(body, uri);
                file.Dock["DockId"] = answer.DockId;
                file.Dock["Agency"] = answer.Agency;
                file.Dock["Origin"] = answer.Origin;
                file.Dock.Remove("Cloud");
                var sync = file.Root["Sync"] as JsonObject ?? [];
                sync["CloudUrl"] = baseUri.ToString();
                sync["ReceiptKey"] = answer.ReceiptKey;
                sync["WitnessKey"] = answer.WitnessKey;
                file.Root["Sync"] = sync;
                file.Save();
                parse.InvocationConfiguration.Output.WriteLine($"enrolled as {answer.DockId} (origin {answer.Origin}); saved to {file.Path}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static EnrolAnswer Parse(string body, Uri uri)
    {
        EnrolAnswer? answer;
        try
        {
            answer = System.Text.Json.JsonSerializer.Deserialize<EnrolAnswer>(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InputException($"{uri} answered with invalid JSON: {e.Message}", e);
        }

        if (answer is null || string.IsNullOrWhiteSpace(answer.DockId) || string.IsNullOrWhiteSpace(answer.Agency) || string.IsNullOrWhiteSpace(answer.Origin)
            || string.IsNullOrWhiteSpace(answer.WitnessKey) || string.IsNullOrWhiteSpace(answer.ReceiptKey))
        {
            throw new InputException($"{uri} answered without dockId, agency, origin, witnessKey and receiptKey: {Shorten(body)}");
        }

        return answer;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // The cloud's contract (cloud/DockGateway.Cloud/Enrolment/DockEnrolmentRequest.cs and DockEnrolmentResponse.cs):
    // camelCase names, and unknown request fields are refused.
    internal sealed record EnrolRequest(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("publicKey")] string PublicKey,
        [property: JsonPropertyName("site")] string Site,
        [property: JsonPropertyName("slots")] int Slots);

    internal sealed record EnrolAnswer(
        [property: JsonPropertyName("dockId")] string DockId,
        [property: JsonPropertyName("agency")] string Agency,
        [property: JsonPropertyName("origin")] string Origin,
        [property: JsonPropertyName("witnessKey")] string WitnessKey,
        [property: JsonPropertyName("receiptKey")] string ReceiptKey);
}
