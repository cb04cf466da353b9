namespace DockGateway.Testing.Processes;

/// <summary>Waits until a child process serving HTTP answers a probe, failing early when it exits.</summary>
public static class HttpReadiness
{
    /// <summary>
    /// Sends <paramref name="probe"/> (e.g. GET <c>healthz</c>) to <paramref name="baseAddress"/> every 200 ms until
    /// <paramref name="ready"/> accepts an answer; throws with the process's last lines when it exits or
    /// <paramref name="timeout"/> passes. <paramref name="name"/> names it in those messages.
    /// </summary>
    public static async Task WaitAsync(
        ChildProcess process, string name, Uri baseAddress, Func<HttpRequestMessage> probe, Func<HttpResponseMessage, bool> ready, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{process.Tail}");
            }

            try
            {
                using var request = probe();
                using var response = await client.SendAsync(request);
                if (ready(response))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} at {baseAddress} was not ready after {timeout}:\n{process.Tail}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>GET <c>healthz</c> answered with a 2xx.</summary>
    public static Task WaitHealthyAsync(ChildProcess process, string name, Uri baseAddress, TimeSpan timeout) =>
        WaitAsync(process, name, baseAddress, () => new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative)),
            response => response.IsSuccessStatusCode, timeout);
}
