using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DockGateway.Shared.Crypto;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// <c>dockctl enroll --cloud URL --token TOKEN</c>: POST /api/v1/docks/enrol with the dock's public key;
/// the answer (dock id, checkpoint origin, the cloud witness's key) is stored in the configuration.
/// </summary>
public static class EnrollCommand
{
    public const string EnrolPath = "api/v1/docks/enrol";

    public static Command Create(Option<string> config, Func<HttpClient>? client = null)
    {
        var cloud = new Option<string>("--cloud") { Description = "The cloud's base URL (https://…)", HelpName = "URL", Required = true };
        var token = new Option<string>("--token") { Description = "The one-time enrolment token from the cloud's admin", Required = true };
        var site = new Option<string?>("--site") { Description = "Where the dock is installed (shown in the cloud)" };
        var command = new Command("enroll", "Enrol this dock with the cloud using a one-time token") { config, cloud, token, site };
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

            var slots = (file.Hardware["Slots"] as JsonArray)?.Count ?? 0;
            var request = new EnrolRequest(parse.GetRequiredValue(token), Convert.ToBase64String(publicKey), parse.GetValue(site), slots);
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
                file.Dock["Origin"] = answer.Origin;
                var cloudSection = file.Dock["Cloud"] as JsonObject ?? [];
                cloudSection["Url"] = baseUri.ToString();
                cloudSection["WitnessKey"] = answer.WitnessKey;
                file.Dock["Cloud"] = cloudSection;
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

        if (answer is null || string.IsNullOrWhiteSpace(answer.DockId) || string.IsNullOrWhiteSpace(answer.Origin) || string.IsNullOrWhiteSpace(answer.WitnessKey))
        {
            throw new InputException($"{uri} answered without dock_id, origin and witness_key: {Shorten(body)}");
        }

        return answer;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    internal sealed record EnrolRequest(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("public_key")] string PublicKey,
        [property: JsonPropertyName("site")] string? Site,
        [property: JsonPropertyName("slots")] int Slots);

    internal sealed record EnrolAnswer(
        [property: JsonPropertyName("dock_id")] string DockId,
        [property: JsonPropertyName("origin")] string Origin,
        [property: JsonPropertyName("witness_key")] string WitnessKey);
}
