using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace DockGateway.Cloud.Cases;

/// <summary>
/// A case's archive package, a zip: <c>case.json</c>, <c>README.txt</c> (how to verify it offline) and one audit bundle per
/// dock under <c>docks/&lt;dock&gt;/</c> (see <see cref="DockBundleWriter"/>). Written to a temporary file that is deleted when
/// the answer stream closes.
/// </summary>
public sealed class CasePackageWriter(DockBundleWriter docks)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Stream> WriteAsync(CaseFile file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dockgw-case-{Guid.NewGuid():N}.zip");
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            var readme = new StringBuilder()
                .Append("Case ").Append(file.CaseNumber).Append(" (agency ").Append(file.AgencyCode).Append(", ").Append(file.EnforcementType)
                .Append(", action ended ").Append(file.ActionEndedOn).Append(")\n\n")
                .Append("Each docks/<dock>/ folder is an audit bundle of that dock's custody log up to a witness-cosigned checkpoint;\n")
                .Append("footage/ holds only this case's files. Verify each offline (pin the keys you trust with --key):\n\n");
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var dock in file.Footage.GroupBy(f => f.DockId, StringComparer.Ordinal))
                {
                    var packed = await docks.WriteAsync(zip, dock.Key, dock.Select(f => f.EntryIndex).ToHashSet(), cancellationToken);
                    readme.Append("  dockctl audit verify docks/").Append(dock.Key).Append(" --footage docks/").Append(dock.Key).Append("/footage");
                    foreach (var sha in packed.Distinct(StringComparer.Ordinal))
                    {
                        readme.Append(" --footage-for ").Append(sha);
                    }

                    readme.Append('\n');
                }

                Add(zip, "case.json", JsonSerializer.Serialize(file, s_json));
                Add(zip, "README.txt", readme.ToString());
            }

            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }
}
