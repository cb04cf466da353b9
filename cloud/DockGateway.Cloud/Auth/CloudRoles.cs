namespace DockGateway.Cloud.Auth;

/// <summary>The people roles (DESIGN §5). Stored verbatim in <c>people_tokens.role</c>.</summary>
public static class CloudRoles
{
    public const string Admin = "admin";
    public const string EquipmentManager = "equipment-manager";
    public const string Auditor = "auditor";

    /// <summary>Legal-review staff of one or more agencies: search, view and download footage with a stated reason.</summary>
    public const string Reviewer = "reviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, EquipmentManager, Auditor, Reviewer];
}
