namespace DockGateway.Cloud.Auth;

/// <summary>Claim types carried by an authenticated person.</summary>
public static class CloudClaims
{
    /// <summary>One claim per agency code a scoped token may see.</summary>
    public const string Agency = "dockgw:agency";

    /// <summary>The token's id (<c>people_tokens.id</c>).</summary>
    public const string TokenId = "dockgw:token";
}
