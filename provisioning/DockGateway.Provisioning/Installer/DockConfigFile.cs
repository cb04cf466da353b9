using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace DockGateway.Provisioning.Installer;

/// <summary>
/// The dock's JSON configuration (/etc/dockgateway/dockgateway.json), edited by installer commands.
/// Comments are accepted on reading; the file is rewritten without them, 0600, atomically.
/// </summary>
public sealed class DockConfigFile
{
    public const string DefaultPath = "/etc/dockgateway/dockgateway.json";

    private static readonly JsonDocumentOptions s_read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions s_write = new() { WriteIndented = true };

    private DockConfigFile(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    /// <summary>The "Dock" object, created when missing.</summary>
    public JsonObject Dock => Section(Root, "Dock");

    public JsonObject Hardware => Section(Dock, "Hardware");

    public static bool Exists(string path) => File.Exists(path);

    public static DockConfigFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"configuration {path} does not exist: run 'dockctl init' first");
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: s_read);
            return new DockConfigFile(path, node as JsonObject ?? throw new InputException($"configuration {path} is not a JSON object"));
        }
        catch (JsonException e)
        {
            throw new InputException($"configuration {path} is not valid JSON: {e.Message}", e);
        }
    }

    public static DockConfigFile Create(string path, JsonObject root) => new(path, root);

    /// <summary>The configuration as .NET binds it, for validation with the service's own validators.</summary>
    public IConfigurationRoot ToConfiguration()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Root.ToJsonString()));
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }

    public void Save()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the dock configuration is written with Unix modes (0600)");
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Root.ToJsonString(s_write) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
