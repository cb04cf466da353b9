using DockGateway.Shared.Crypto;
using Xunit;

namespace DockGateway.Shared.Tests.Crypto;

public class SodiumLibraryTests
{
    [Fact]
    public void Installed_libsodium_initialises()
    {
        Assert.Null(SodiumLibrary.Initialize("libsodium.so.23"));
    }

    [Fact]
    public void A_missing_library_names_the_debian_package_to_install()
    {
        var failure = SodiumLibrary.Initialize("libsodium.so.999");

        var error = Assert.IsType<DllNotFoundException>(failure);
        Assert.Contains("libsodium.so.999", error.Message, StringComparison.Ordinal);
        Assert.Contains("libsodium23", error.Message, StringComparison.Ordinal);
    }
}
