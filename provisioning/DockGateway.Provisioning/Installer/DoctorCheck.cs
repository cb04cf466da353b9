namespace DockGateway.Provisioning.Installer;

/// <summary>One <c>dockctl doctor</c> finding: what was checked, whether it passed, what was seen, and how to fix it.</summary>
public sealed record DoctorCheck(string Name, bool Passed, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, true, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, false, detail, fix);
}
