namespace DockGateway.Testing.Swarm;

/// <summary>The size of a dock swarm run: docks × files of <see cref="FileBytes"/> through <see cref="Instances"/> cloud
/// instances behind haproxy; the first instance is SIGKILLed once <see cref="KillAfterShare"/> of the files are in.</summary>
public sealed record SwarmOptions(int Docks = 10, int FilesPerDock = 3, int FileBytes = 4 << 20, int ChunkBytes = 1 << 20, int Instances = 2, double KillAfterShare = 0.4)
{
    public int Files => Docks * FilesPerDock;
}
