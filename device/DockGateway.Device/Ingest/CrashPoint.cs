using System.Diagnostics;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Fault injection for the custody tests, never for production: with the environment variable
/// <c>DOCKGW_TEST_KILL_AT</c> set to a step name, the dock SIGKILLs itself the first time an ingest
/// reaches that step, as a power cut would. Steps, in the order of the custody invariant:
/// <c>copying</c> (mid-copy, before fsync), <c>copied</c> (fsync'd in incoming/, not yet renamed),
/// <c>stored</c> (renamed into footage/, not yet verified), <c>verified</c> (SHA-256 re-checked, entry
/// not yet committed), <c>committed</c> (<c>ingested</c> committed, recorder not yet erased),
/// <c>erased</c> (erased from the recorder, <c>erased</c> not yet committed).
/// </summary>
public static class CrashPoint
{
    public const string Variable = "DOCKGW_TEST_KILL_AT";

    public static IReadOnlyList<string> Steps { get; } = ["copying", "copied", "stored", "verified", "committed", "erased"];

    /// <summary>Arms <paramref name="hooks"/> for the step named by the environment; does nothing when unset.</summary>
    public static void Arm(IngestHooks hooks)
    {
        var step = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(step))
        {
            return;
        }

        switch (step)
        {
            case "copying": hooks.AfterChunk = (_, _) => Die(step); break;
            case "copied": hooks.BeforeStore = _ => Die(step); break;
            case "stored": hooks.BeforeVerify = _ => Die(step); break;
            case "verified": hooks.BeforeCommit = _ => Die(step); break;
            case "committed": hooks.BeforeErase = _ => Die(step); break;
            case "erased": hooks.AfterErase = _ => Die(step); break;
            default: throw new InvalidOperationException($"{Variable}={step} is not one of: {string.Join(", ", Steps)}");
        }
    }

    private static void Die(string step)
    {
        Console.Error.WriteLine($"{Variable}: killing the dock at step '{step}'");
        Process.GetCurrentProcess().Kill(); // SIGKILL: no finally blocks, no shutdown, as in a power cut
    }
}
