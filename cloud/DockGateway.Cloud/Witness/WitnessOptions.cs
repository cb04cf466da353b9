using System.ComponentModel.DataAnnotations;

namespace DockGateway.Cloud.Witness;

/// <summary>Settings under <c>Witness</c>: the cloud's signing identities.</summary>
public sealed class WitnessOptions
{
    public const string Section = "Witness";

    /// <summary><c>Witness:Name</c>: the cosigner key name in cosignature lines (no spaces, no '+').</summary>
    [Required(ErrorMessage = "Witness:Name must name the cloud's witness key.")]
    [RegularExpression(@"^[^\s+]+$", ErrorMessage = "Witness:Name must not contain spaces or '+'.")]
    public string Name { get; set; } = "witness.dockgateway.local";

    /// <summary><c>Witness:KeyFile</c>: the cosigning key (0600, created on first start); default
    /// <c>&lt;Cloud:DataDirectory&gt;/witness.key</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary><c>Witness:ReceiptKeyFile</c>: the key that signs upload receipts; default
    /// <c>&lt;Cloud:DataDirectory&gt;/receipt.key</c>.</summary>
    public string? ReceiptKeyFile { get; set; }

    /// <summary><c>Witness:OriginDomain</c>: dock log origins are <c>&lt;agency&gt;.&lt;domain&gt;/&lt;dock id&gt;</c>.</summary>
    [Required(ErrorMessage = "Witness:OriginDomain must be set (dock origins are <agency>.<domain>/<dock id>).")]
    [RegularExpression(@"^[a-z0-9.-]+$", ErrorMessage = "Witness:OriginDomain may hold only a-z, 0-9, '.' and '-'.")]
    public string OriginDomain { get; set; } = "docks.dockgateway.local";
}
