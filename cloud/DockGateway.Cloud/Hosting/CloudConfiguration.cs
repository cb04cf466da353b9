using DockGateway.Cloud.Blobs;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Enrolment;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Uploads;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Mqtt;

namespace DockGateway.Cloud.Hosting;

/// <summary>
/// The configuration sections the cloud owns (Cloud, Cloud:Fleet, Cloud:Mqtt, Cloud:Blobs, DockAuth, Enrolment, Witness, Uploads),
/// checked before anything is opened. Everything else (Logging, Kestrel, Urls, AllowedHosts, ASPNETCORE_*/DOTNET_*,
/// DOCKGW_BOOTSTRAP_ADMIN_TOKEN, unrelated environment variables) belongs to the framework or to nobody.
/// </summary>
public static class CloudConfiguration
{
    public static IReadOnlyList<OptionsSection> Sections { get; } =
    [
        new(CloudOptions.SectionName, typeof(CloudOptions)),
        new(FleetOptions.SectionName, typeof(FleetOptions)),
        new(FleetOptions.MqttSectionName, typeof(MqttOptions)),
        new(BlobStoreOptions.SectionName, typeof(BlobStoreOptions)),
        new(DockAuthOptions.Section, typeof(DockAuthOptions)),
        new(EnrolmentOptions.Section, typeof(EnrolmentOptions)),
        new(WitnessOptions.Section, typeof(WitnessOptions)),
        new(UploadOptions.Section, typeof(UploadOptions)),
    ];

    public static ConfigurationSchema Schema { get; } = new(Sections);

    /// <summary>
    /// The web application builder (appsettings.json and appsettings.{Environment}.json in the content root,
    /// environment, command line) with the cloud's keys checked; null, with one "configuration error: …" line per
    /// problem on <paramref name="errors"/>, when a file is malformed, a key unknown or a value unparseable.
    /// </summary>
    public static WebApplicationBuilder? CreateBuilder(string[] args, TextWriter errors)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            return ConfigurationCheck.Report(builder.Configuration, Schema, errors) ? builder : null;
        }
        catch (Exception e) when (ConfigurationFileError.Describe(e) is { } problem)
        {
            errors.WriteLine(ConfigurationCheck.ErrorPrefix + problem);
            return null;
        }
    }
}
