using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MosquittoLibraryTests
{
    [Fact]
    public void A_missing_library_is_reported_with_the_package_to_install()
    {
        var error = MosquittoLibrary.CheckLoadable("libmosquitto.so.0-missing", "libmosquitto1");
        Assert.NotNull(error);
        Assert.Contains("apt-get install libmosquitto1", error.Message, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.Mosquitto)]
    public void The_installed_library_loads_and_reports_version_2()
    {
        MosquittoLibrary.EnsureInitialized();
        Assert.StartsWith("2.", MosquittoLibrary.Version, StringComparison.Ordinal);
    }
}
