using System.Runtime.Versioning;
using DockGateway.Shared.Crypto;
using Xunit;

namespace DockGateway.Shared.Tests.Crypto;

[UnsupportedOSPlatform("windows")]
public sealed class KeyFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-keyfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathFor(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Written_key_file_has_mode_0600_and_reads_back_the_same_key()
    {
        var path = PathFor("dock.key");
        using var key = Ed25519PrivateKey.Generate();

        KeyFile.Write(path, key);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var read = KeyFile.Read(path);
        Assert.Equal(key.PublicKey, read.PublicKey);
    }

    [Fact]
    public void Key_file_is_one_line_of_base64_of_the_seed()
    {
        var path = PathFor("dock.key");
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        using var key = Ed25519PrivateKey.FromSeed(seed);

        KeyFile.Write(path, key);

        Assert.Equal(Convert.ToBase64String(seed) + "\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Existing_key_file_is_never_overwritten()
    {
        var path = PathFor("dock.key");
        using var first = Ed25519PrivateKey.Generate();
        using var second = Ed25519PrivateKey.Generate();
        KeyFile.Write(path, first);
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<KeyFileException>(() => KeyFile.Write(path, second));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Key_file_readable_by_others_is_refused_with_a_message_naming_the_path()
    {
        var path = PathFor("dock.key");
        using var key = Ed25519PrivateKey.Generate();
        KeyFile.Write(path, key);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<KeyFileException>(() => KeyFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("644", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Key_file_writable_by_group_is_refused()
    {
        var path = PathFor("dock.key");
        using var key = Ed25519PrivateKey.Generate();
        KeyFile.Write(path, key);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite);

        Assert.Throws<KeyFileException>(() => KeyFile.Read(path));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not base64 at all!!!!!!!!!!!!!!!!!!!!!!!!!!\n", "base64")]
    [InlineData("n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=\nsecond line\n", "exactly one line")]
    [InlineData("AAAA\n", "exactly one line")]
    [InlineData("n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=\r\n", "exactly one line")]
    public void Malformed_key_file_is_refused_naming_the_path_and_the_problem(string content, string problem)
    {
        var path = PathFor("bad.key");
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<KeyFileException>(() => KeyFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_file_without_final_newline_is_accepted()
    {
        var path = PathFor("handmade.key");
        File.WriteAllText(path, "n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using var key = KeyFile.Read(path);

        // RFC 9421 B.1.4 test-key-ed25519.
        Assert.Equal("JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=", Convert.ToBase64String(key.PublicKey));
    }

    [Fact]
    public void Missing_key_file_is_reported_with_its_path()
    {
        var path = PathFor("missing.key");
        var error = Assert.Throws<KeyFileException>(() => KeyFile.Read(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_into_a_missing_directory_names_the_directory()
    {
        var path = Path.Combine(_directory, "nope", "dock.key");
        using var key = Ed25519PrivateKey.Generate();
        var error = Assert.Throws<KeyFileException>(() => KeyFile.Write(path, key));
        Assert.Contains(Path.Combine(_directory, "nope"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_or_create_creates_once_then_loads_the_same_key()
    {
        var path = PathFor("dock.key");

        using var created = KeyFile.LoadOrCreate(path);
        using var loaded = KeyFile.LoadOrCreate(path);

        Assert.Equal(created.PublicKey, loaded.PublicKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
