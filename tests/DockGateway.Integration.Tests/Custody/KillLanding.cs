using System.Globalization;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// Where a SIGKILL landed, told from what it left: a temporary copy in incoming/ (step 1, or its fsync
/// before the rename), else a slot still busy (steps 2-5, erasures, reconciling a killed ingest), else idle.
/// </summary>
public static class KillLanding
{
    public const string MidCopy = "mid-copy";
    public const string MidFinish = "mid-finish";
    public const string Idle = "idle";

    public static string Of(string dataDirectory, IEnumerable<string?> slotStates)
    {
        var incoming = Path.Combine(dataDirectory, "incoming");
        if (Directory.Exists(incoming) && Directory.EnumerateFiles(incoming).Any())
        {
            return MidCopy;
        }

        return slotStates.Any(s => s is not (null or "empty" or "done" or "error" or "refused")) ? MidFinish : Idle;
    }

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join(" / ", new[] { MidCopy, MidFinish, Idle }.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k} {counts.GetValueOrDefault(k)}")));
}
