using System.Buffers.Binary;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>The machine an ELF file inside a .deb was built for (its header's <c>e_machine</c>).</summary>
internal static class ElfMachine
{
    public const ushort X86_64 = 62;
    public const ushort Aarch64 = 183;

    /// <summary>The <c>e_machine</c> of <paramref name="path"/> (absolute, as installed) in <paramref name="deb"/>.</summary>
    public static ushort Of(string deb, string path)
    {
        var folder = Directory.CreateTempSubdirectory("dockgw-elf-").FullName;
        try
        {
            HostCommand.Succeed("sh", "-c", "dpkg-deb --fsys-tarfile \"$1\" | tar -x -C \"$2\" \".$3\"", "sh", deb, folder, path);
            var header = File.ReadAllBytes(folder + path).AsSpan(0, 20);
            return header[..4].SequenceEqual("\u007fELF"u8)
                ? BinaryPrimitives.ReadUInt16LittleEndian(header[18..])
                : throw new InvalidDataException($"{path} in {deb} is not an ELF file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
