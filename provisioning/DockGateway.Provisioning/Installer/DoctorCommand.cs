using System.CommandLine;

namespace DockGateway.Provisioning.Installer;

/// <summary><c>dockctl doctor</c>: every check with PASS/FAIL and a fix; exit 0 when all pass, 1 otherwise.</summary>
public static class DoctorCommand
{
    public static Command Create(Option<string> config, Func<HttpClient>? http = null)
    {
        var broker = new Option<string>("--broker") { Description = "The MQTT broker to reach", HelpName = "HOST:PORT", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var command = new Command("doctor", "Check libraries, permissions, mounts, GPIO, broker, cloud and clock; print a fix for each failure")
        {
            config, broker,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checks = await new DoctorChecks(
                parse.GetRequiredValue(config),
                parse.GetRequiredValue(broker),
                http ?? (() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) }),
                TimeProvider.System).RunAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var check in checks)
            {
                output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
                if (!check.Passed)
                {
                    output.WriteLine($"      fix: {check.Fix}");
                }
            }

            var failed = checks.Count(c => !c.Passed);
            output.WriteLine(failed == 0 ? $"all {checks.Count} checks passed" : $"{failed} of {checks.Count} checks failed");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }
}
