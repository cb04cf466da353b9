using System.Globalization;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Device.Ingest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Custody;

/// <summary>
/// The dock's append-only custody log: entries committed to <see cref="CustodyStore"/> one durable
/// transaction each, an RFC 6962 Merkle tree over them (rebuilt and checked from the stored leaves at
/// start), and signed checkpoints. Appends from all slots are serialized here. A checkpoint is signed
/// only over entries already committed, and stored under its size as primary key: the dock cannot
/// sign two different roots for one size.
/// </summary>
public sealed class CustodyLog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CustodyStore _store;
    private readonly CheckpointSigner _signer;
    private readonly TimeProvider _time;
    private readonly ICustodyObserver[] _observers;
    private readonly ILogger<CustodyLog> _logger;
    private readonly MerkleTree _tree;
    private readonly int _checkpointEvery;
    private long _signedSize;

    public CustodyLog(CustodyStore store, CheckpointSigner signer, string dockId, int checkpointEvery, TimeProvider time,
        IEnumerable<ICustodyObserver> observers, ILogger<CustodyLog> logger)
    {
        _store = store;
        _signer = signer;
        DockId = dockId;
        _checkpointEvery = checkpointEvery;
        _time = time;
        _observers = observers.ToArray();
        _logger = logger;
        _tree = new MerkleTree(LoadLeaves(store));
        _signedSize = store.LatestCheckpoint()?.Size ?? 0;
        store.AddVerifierKey(signer.VerifierKey, "dock");
        logger.LogInformation("Custody log {Origin} opened with {Size} entries, last checkpoint at {Signed}", signer.Origin, _tree.Size, _signedSize);
    }

    /// <summary>
    /// The service's log: its store in Dock:DataDirectory, which <paramref name="footage"/> has prepared (0700) first.
    /// </summary>
    public CustodyLog(FootageStore footage, CheckpointSigner signer, IOptions<DockOptions> options, TimeProvider time,
        IEnumerable<ICustodyObserver> observers, ILogger<CustodyLog> logger)
        : this(CustodyStore.Open(footage.DataDirectory), signer, options.Value.DockId, options.Value.CheckpointEvery, time, observers, logger)
    {
    }

    public string DockId { get; }

    public string Origin => _signer.Origin;

    public string VerifierKey => _signer.VerifierKey;

    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _tree.Size;
            }
        }
    }

    /// <summary>Appends an entry (setting its dock and time) and commits it durably before returning.</summary>
    public CustodyRecord Append(CustodyEntry entry) => Append(entry, null, null);

    /// <summary>Appends an <c>ingested</c> entry together with the bookkeeping that awaits the erasure.</summary>
    public CustodyRecord AppendIngested(IngestedEntry entry, IngestedFile file) => Append(entry, file, null);

    /// <summary>
    /// Appends an <c>ingested</c> entry unless a file with the same SHA-256 is already in custody (checked
    /// under the log's lock, so two slots holding the same footage cannot both ingest it). Returns null
    /// and the existing file when it is a duplicate.
    /// </summary>
    public CustodyRecord? AppendIngestedOnce(IngestedEntry entry, IngestedFile file, out IngestedFile? existing) =>
        Append(entry, file, null, file.Sha256, out existing);

    /// <summary>Appends an <c>erased</c> (or <c>reconciled</c>) entry and marks the ingested file as erased, in one transaction.</summary>
    public CustodyRecord AppendErased(SlotEntry entry, long ingestedIndex) => Append(entry, null, ingestedIndex);

    /// <summary>Signs a checkpoint over every committed entry, unless the latest one already covers them.</summary>
    public StoredCheckpoint? SignCheckpoint()
    {
        StoredCheckpoint checkpoint;
        lock (_lock)
        {
            var size = _tree.Size;
            if (size == 0 || size == _signedSize)
            {
                return null;
            }

            checkpoint = SignLocked(size);
        }

        Notify(o => o.CheckpointSigned(checkpoint));
        return checkpoint;
    }

    /// <summary>Keeps a witness-cosigned form of an already signed checkpoint (for the cloud sync).</summary>
    public void RecordCosignedCheckpoint(long size, string cosignedNote, string witnessVerifierKey)
    {
        lock (_lock)
        {
            _store.SetCosignedNote(size, cosignedNote);
            _store.AddVerifierKey(witnessVerifierKey, "witness");
        }
    }

    public StoredCheckpoint? LatestCheckpoint() => Locked(() => _store.LatestCheckpoint());

    public IngestedFile? FindIngested(string sha256) => Locked(() => _store.FindIngested(sha256));

    public IReadOnlyList<IngestedFile> PendingErasures(string recorder) => Locked(() => _store.PendingErasures(recorder));

    /// <summary>Every ingested file in log order, with its stored path (relative to footage/) and erasure state (for the cloud sync).</summary>
    public IReadOnlyList<IngestedFile> IngestedFiles() => Locked(() => _store.AllIngested());

    /// <inheritdoc cref="CustodyStore.RecorderHistory"/>
    public RecorderHistory RecorderHistory(string recorder) => Locked(() => _store.RecorderHistory(recorder));

    /// <inheritdoc cref="CustodyStore.DecideSequences"/>
    public void DecideSequences(string recorder, long? lastSequence, long logSize) => Locked(() =>
    {
        _store.DecideSequences(recorder, lastSequence, logSize);
        return 0;
    });

    /// <summary>Entries in [from, to) with their exact bytes.</summary>
    public IReadOnlyList<CustodyRecord> Entries(long from, long to) => Locked(() => _store.Entries(from, to).ToList());

    /// <summary>Entries of record type <typeparamref name="T"/> in [from, to) with their exact bytes (selected by the type column, not decoded).</summary>
    public IReadOnlyList<CustodyRecord> Entries<T>(long from, long to) where T : CustodyEntry =>
        Locked(() => _store.Entries(CustodyEntryCodec.TypeName<T>(), from, to).ToList());

    /// <summary>Merkle inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/>.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size) => Locked(() => _tree.InclusionProof(index, size));

    /// <summary>Merkle consistency proof between two tree sizes (for the witness).</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize) => Locked(() => _tree.ConsistencyProof(oldSize, newSize));

    public void Dispose() => _store.Dispose();

    private CustodyRecord Append(CustodyEntry entry, IngestedFile? file, long? erases) =>
        Append(entry, file, erases, duplicateOf: null, out _)!;

    /// <summary>Serializes, commits and publishes one entry; with <paramref name="duplicateOf"/> set, first checks (under the lock) that no file has that SHA-256.</summary>
    private CustodyRecord? Append(CustodyEntry entry, IngestedFile? file, long? erases, string? duplicateOf, out IngestedFile? existing)
    {
        var now = _time.GetUtcNow();
        var json = CustodyEntryCodec.Encode(entry with { Dock = DockId, Time = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)) });
        var committed = CustodyEntryCodec.Decode(json); // what readers will see: the dock never commits an entry it cannot read back
        var type = CustodyEntryCodec.TypeName(committed);
        var leaf = MerkleHash.Leaf(json);
        CustodyRecord record;
        StoredCheckpoint? checkpoint = null;
        lock (_lock)
        {
            existing = duplicateOf is null ? null : _store.FindIngested(duplicateOf);
            if (existing is not null)
            {
                return null;
            }

            record = new CustodyRecord(_tree.Size, committed, json, leaf);
            _store.Append(record, file is null ? null : file with { EntryIndex = record.Index }, erases);
            _tree.AppendLeafHash(leaf);
            if (_tree.Size - _signedSize >= _checkpointEvery)
            {
                checkpoint = SignLocked(_tree.Size);
            }
        }

        _logger.LogDebug("Custody entry {Index} {Type} committed", record.Index, type);
        Notify(o => o.EntryAppended(record));
        if (checkpoint is not null)
        {
            Notify(o => o.CheckpointSigned(checkpoint));
        }

        return record;
    }

    private StoredCheckpoint SignLocked(long size)
    {
        // The entries up to `size` are committed; the root is a pure function of them. A checkpoint
        // already stored for this size is returned as it is, never signed again with another root.
        var root = _tree.RootHash(size);
        if (_store.CheckpointAt(size) is { } existing)
        {
            if (!existing.RootHash.AsSpan().SequenceEqual(root))
            {
                throw new InvalidOperationException($"custody invariant broken: stored checkpoint of size {size} has a different root than the log");
            }

            _signedSize = size;
            return existing;
        }

        var note = _signer.Sign(size, root);
        var signedAt = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var checkpoint = new StoredCheckpoint(size, root, note, null, signedAt);
        _store.AddCheckpoint(checkpoint);
        _signedSize = size;
        _logger.LogInformation("Checkpoint signed at size {Size}", size);
        return checkpoint;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Notify(Action<ICustodyObserver> call)
    {
        foreach (var observer in _observers)
        {
            try
            {
                call(observer);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Custody observer {Observer} failed", observer.GetType().Name);
            }
        }
    }

    private static List<byte[]> LoadLeaves(CustodyStore store)
    {
        var leaves = new List<byte[]>();
        foreach (var record in store.Entries(0, long.MaxValue))
        {
            if (record.Index != leaves.Count)
            {
                throw new InvalidDataException($"custody.db: entry {leaves.Count} is missing (found {record.Index})");
            }

            if (!MerkleHash.Leaf(record.Json).AsSpan().SequenceEqual(record.LeafHash))
            {
                throw new InvalidDataException($"custody.db: leaf hash of entry {record.Index} does not match its JSON");
            }

            leaves.Add(record.LeafHash);
        }

        return leaves;
    }
}
