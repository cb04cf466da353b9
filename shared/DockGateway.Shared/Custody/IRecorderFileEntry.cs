namespace DockGateway.Shared.Custody;

/// <summary>An entry that names a file on a recorder: its path (percent-encoded when <see cref="PathEncoding"/> says so), when it has one.</summary>
public interface IRecorderFileEntry : IRecorderEntry
{
    string? Path { get; }

    string? PathEncoding { get; }
}
