using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Enrolment;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Cloud.Tests.Witness;

public class DockCheckpointKeyTests
{
    [Fact]
    public void Verifier_key_derived_from_the_enrolled_key_equals_the_docks_own_signer_key()
    {
        for (var i = 0; i < 20; i++)
        {
            using var key = Ed25519PrivateKey.Generate();
            var origin = DockIds.Origin("MET_01", "docks.example", DockIds.New());
            var dock = new DockIdentity("dock-x", "MET_01", origin, key.PublicKey);
            Assert.Equal(new NoteSigner(origin, key).VerifierKey, DockCheckpointKey.VerifierKey(dock));
        }
    }

    [Fact]
    public void Origin_is_a_valid_note_key_name_whatever_the_agency_code()
    {
        var origin = DockIds.Origin("Met_Police-01", "docks.example", "dock-0011223344556677");
        Assert.Equal("met-police-01.docks.example/dock-0011223344556677", origin);
        using var key = Ed25519PrivateKey.Generate();
        Assert.Equal(origin, new NoteSigner(origin, key).Name);
    }
}
