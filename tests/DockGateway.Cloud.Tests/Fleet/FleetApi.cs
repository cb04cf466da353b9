using System.Text.Json;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Polls the fleet API until what the cloud received shows up.</summary>
public static class FleetApi
{
    public static async Task<JsonElement> EventuallyAsync(this HttpClient client, string path, Func<JsonElement, bool> ready, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = string.Empty;
        while (true)
        {
            using var response = await client.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode)
            {
                var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                if (ready(json))
                {
                    return json;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"GET {path} did not show the expected state within {seconds} s; last answer: {last}");
            }

            await Task.Delay(100);
        }
    }

    public static bool Online(this JsonElement dock) => dock.GetProperty("online").GetBoolean();

    public static JsonElement? Slot(this JsonElement dock, int slot) =>
        dock.GetProperty("slots").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("slot").GetInt32() == slot);
}
