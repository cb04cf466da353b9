using DockGateway.Shared.Faults;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Arms the ingest hooks for the kill tests' crash point (<see cref="Shared.Faults.CrashPoint"/>,
/// <c>DOCKGW_TEST_KILL_AT</c>): the dock dies the first time an ingest reaches the named step.
/// </summary>
public static class IngestCrashPoints
{
    /// <summary>Arms <paramref name="hooks"/> for the armed ingest step; does nothing when unset or when another step is armed.</summary>
    public static void Arm(IngestHooks hooks)
    {
        CrashPoint.Validate();
        switch (CrashPoint.Armed)
        {
            case "copying": hooks.AfterChunk = (_, _) => CrashPoint.Reached("copying"); break;
            case "verifying-range": hooks.BeforeVerifyRange = (_, _, _) => CrashPoint.Reached("verifying-range"); break;
            case "copied": hooks.BeforeStore = _ => CrashPoint.Reached("copied"); break;
            case "stored": hooks.BeforeVerify = _ => CrashPoint.Reached("stored"); break;
            case "verified": hooks.BeforeCommit = _ => CrashPoint.Reached("verified"); break;
            case "committed": hooks.BeforeErase = _ => CrashPoint.Reached("committed"); break;
            case "erased": hooks.AfterErase = _ => CrashPoint.Reached("erased"); break;
        }
    }
}
