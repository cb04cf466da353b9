using System.CommandLine;

namespace DockGateway.Provisioning.Installer;

/// <summary><c>dockctl doctor</c>: every check with PASS/FAIL and a fix (or, with --json, <see cref="DoctorJson"/>); exit 0 when all pass, 1 otherwise.</summary>
public static class DoctorCommand
{
    public static Command Create(Option<string> config, Func<HttpClient>? http = null)
    {
        var broker = new Option<string?>("--broker") { Description = "Check this MQTT broker instead of the configured one (Mqtt:Host, Mqtt:Port)", HelpName = "HOST:PORT" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {check, ok, detail, fix} for fleet tools" };
        var command = new Command("doctor", "Check libraries, permissions, mounts, GPIO, the configured broker and cloud, and the clock; print a fix for each failure")
        {
            config, broker, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checks = await new DoctorChecks(
                parse.GetRequiredValue(config),
                parse.GetValue(broker),
                http ?? (() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) }),
                TimeProvider.System).RunAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            var failed = checks.Count(c => !c.Passed);
            if (parse.GetValue(json))
            {
                output.WriteLine(DoctorJson.Write(checks));
                return failed == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
            }

            foreach (var check in checks)
            {
                output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
                if (!check.Passed)
                {
                    output.WriteLine($"      fix: {check.Fix}");
                }
            }

            output.WriteLine(failed == 0 ? $"all {checks.Count} checks passed" : $"{failed} of {checks.Count} checks failed");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }
}
