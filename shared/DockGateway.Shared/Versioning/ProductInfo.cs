using System.Reflection;

namespace DockGateway.Shared.Versioning;

/// <summary>The product's name and version as reported in status messages and logs.</summary>
public static class ProductInfo
{
    public const string Name = "DockGateway";

    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
