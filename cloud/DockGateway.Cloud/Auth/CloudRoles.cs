namespace DockGateway.Cloud.Auth;

/// <summary>The people roles (DESIGN §5). Stored verbatim in <c>people_tokens.role</c>.</summary>
public static class CloudRoles
{
    public const string Admin = "admin";
    public const string EquipmentManager = "equipment-manager";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Admin, EquipmentManager, Auditor];
}
