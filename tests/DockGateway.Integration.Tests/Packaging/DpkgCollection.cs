using Xunit;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>The tests that install packages with this machine's dpkg, one at a time (dpkg holds one lock).</summary>
[CollectionDefinition(Name)]
public sealed class DpkgCollection
{
    public const string Name = "dpkg on this machine";
}
