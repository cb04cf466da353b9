using DockGateway.Cloud.Blobs;
using DockGateway.Shared.Storage;
using DockGateway.Cloud.Enrolment;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Uploads;
using DockGateway.Cloud.Witness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Registers what docks talk to: enrolment, RFC 9421 request verification, tus uploads, the witness.</summary>
public static class DockFacingServiceCollectionExtensions
{
    public static IServiceCollection AddDockFacingServices(this IServiceCollection services)
    {
        services.AddOptions<DockAuthOptions>().BindConfiguration(DockAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnrolmentOptions>().BindConfiguration(EnrolmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WitnessOptions>().BindConfiguration(WitnessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section)
            .PostConfigure<IOptions<CloudOptions>, IHostEnvironment>((uploads, cloud, environment) =>
            {
                var dataDirectory = Path.GetFullPath(cloud.Value.DataDirectory, environment.ContentRootPath);
                uploads.BlobDirectory = Path.GetFullPath(
                    string.IsNullOrWhiteSpace(uploads.BlobDirectory) || uploads.BlobDirectory == UploadOptions.DefaultBlobDirectory
                        ? Path.Combine(dataDirectory, "blobs")
                        : uploads.BlobDirectory,
                    environment.ContentRootPath);
            })
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IDockKeys, SqlDockKeys>();
        services.AddSingleton<IReplayCache, SqlReplayCache>();
        services.AddSingleton<DockRequestVerifier>();
        services.AddSingleton<DockSignatureFilter>();

        services.AddSingleton<IEnrolmentStore, SqlEnrolmentStore>();
        services.AddSingleton(sp => CreateKeys(sp));

        services.AddBlobStore(); // Cloud:Blobs:Store: the file system (default) or S3
        services.AddSingleton<IUploadStore, SqlUploadStore>();
        services.AddSingleton<RunningHashes>();
        services.AddSingleton<UploadLocks>();
        services.AddSingleton(sp => new UploadReceiptSigner(sp.GetRequiredService<CloudSigningKeys>().ReceiptSigner));
        services.AddSingleton<UploadCreation>();
        services.AddSingleton<UploadAppend>();
        services.AddSingleton<UploadCompletion>();
        services.AddSingleton<UploadQueries>();
        services.AddSingleton<TusResumableFilter>();
        services.AddHostedService<ExpiredUploadSweeper>();
        services.AddHostedService<UploadRecovery>();

        services.AddSingleton<IWitnessStore, SqlWitnessStore>();
        services.AddSingleton<ICustodyEntryStore, SqlCustodyEntryStore>();
        services.AddSingleton<CheckpointCosigner>();
        services.AddSingleton<CheckpointWitness>();
        services.AddSingleton<CustodyEntryIngestion>();
        return services;
    }

    private static CloudSigningKeys CreateKeys(IServiceProvider services)
    {
        var witness = services.GetRequiredService<IOptions<WitnessOptions>>().Value;
        var cloud = services.GetRequiredService<IOptions<CloudOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var dataDirectory = Path.GetFullPath(cloud.DataDirectory, root);
        OwnerOnly.CreateDirectory(dataDirectory); // the key files themselves are written 0600 (KeyFile)
        return new CloudSigningKeys(
            witness.Name,
            Path.GetFullPath(witness.KeyFile ?? Path.Combine(dataDirectory, "witness.key"), root),
            Path.GetFullPath(witness.ReceiptKeyFile ?? Path.Combine(dataDirectory, "receipt.key"), root));
    }
}
