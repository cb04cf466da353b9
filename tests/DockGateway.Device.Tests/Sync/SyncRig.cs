using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Device.Custody;
using DockGateway.Device.Sync;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using DockGateway.Testing;
using DockGateway.Testing.Custody;
using DockGateway.Testing.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockGateway.Device.Tests.Sync;

/// <summary>A dock enrolled with a real cloud: its key, custody log (with the enrolled origin), footage folder and sync parts.</summary>
internal sealed class SyncRig : IAsyncDisposable
{
    private SyncRig(CloudProcess cloud, Ed25519PrivateKey key, JsonElement enrolment, string directory)
    {
        Cloud = cloud;
        Key = key;
        Directory = directory;
        FootageDirectory = Path.Combine(directory, "footage");
        System.IO.Directory.CreateDirectory(FootageDirectory);
        Options = new SyncOptions
        {
            CloudUrl = cloud.BaseAddress,
            DockId = enrolment.GetProperty("dockId").GetString()!,
            ReceiptKey = enrolment.GetProperty("receiptKey").GetString(),
            WitnessKey = enrolment.GetProperty("witnessKey").GetString(),
            ChunkBytes = 8192,
            RetryAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        };
        Origin = enrolment.GetProperty("origin").GetString()!;
        Backlog = new UploadBacklog(Path.Combine(directory, "sync.db"));
        Enqueuer = new UploadEnqueuer();
        Log = new CustodyLog(CustodyStore.Open(directory), new CheckpointSigner(Origin, Key), Options.DockId, 1000, TimeProvider.System, [Enqueuer], NullLogger<CustodyLog>.Instance);
        Reconciler = new UploadQueueReconciler(Backlog, Log, Enqueuer, TimeProvider.System, NullLogger<UploadQueueReconciler>.Instance);
        Http = new HttpClient(new SigningHandler(new HttpRequestSigner(Options.DockId, Key, TimeProvider.System), new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = cloud.BaseAddress,
        };
        Tus = new TusClient(Http);
        Worker = new UploadWorker(Backlog, Tus, Log, FootageDirectory, Options, TimeProvider.System, NullLogger<UploadWorker>.Instance);
    }

    public Ed25519PrivateKey Key { get; }

    public CloudProcess Cloud { get; }

    public string Directory { get; }

    public string FootageDirectory { get; }

    public string Origin { get; }

    public SyncOptions Options { get; }

    public UploadBacklog Backlog { get; }

    public UploadEnqueuer Enqueuer { get; }

    public UploadQueueReconciler Reconciler { get; }

    public CustodyLog Log { get; }

    public HttpClient Http { get; }

    public TusClient Tus { get; }

    public UploadWorker Worker { get; }

    public static async Task<SyncRig> StartAsync(CloudProcess cloud)
    {
        var key = Ed25519PrivateKey.Generate();
        var enrolment = await cloud.EnrolDockAsync(key.PublicKey);
        return new SyncRig(cloud, key, enrolment, System.IO.Directory.CreateTempSubdirectory("dockgw-sync-dock-").FullName);
    }

    /// <summary>Stores a sample file as ingest would, logs its <c>ingested</c> entry and queues it (as the reconciler's loop would); returns the queued item.</summary>
    public UploadItem Ingest(string sample, string stored)
    {
        var path = Path.Combine(FootageDirectory, stored);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(RepoPaths.Footage, sample), path);
        var bytes = File.ReadAllBytes(path);
        var record = Log.Append(TestEntries.Ingested(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength, stored, "SN-SYNC"));
        Reconciler.Reconcile();
        return Backlog.Find(record.Index) ?? throw new InvalidOperationException("the ingested entry was not queued");
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        Log.Dispose();
        Backlog.Dispose();
        Key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
