using DockGateway.Cloud.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Blobs;

/// <summary>Registers the footage store <c>Cloud:Blobs:Store</c> names (the file system by default, or S3) and its 503 answer.</summary>
public static class BlobStoreServiceCollectionExtensions
{
    public static IServiceCollection AddBlobStore(this IServiceCollection services)
    {
        services.AddOptions<BlobStoreOptions>().BindConfiguration(BlobStoreOptions.SectionName)
            .PostConfigure<IHostEnvironment>((blobs, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(blobs.S3.CredentialsFile))
                {
                    blobs.S3.CredentialsFile = Path.GetFullPath(blobs.S3.CredentialsFile, environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<IOptions<BlobStoreOptions>>().Value.Store == BlobStoreKind.S3
            ? ActivatorUtilities.CreateInstance<S3BlobStore>(sp)
            : ActivatorUtilities.CreateInstance<FileSystemBlobStore>(sp));
        services.AddExceptionHandler<BlobStoreUnavailableHandler>();
        return services;
    }
}
