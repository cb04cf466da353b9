using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Hosting;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Versioning;
using Microsoft.Extensions.Options;

if (args is ["--version"])
{
    Console.WriteLine(ProductInfo.Version);
    return 0;
}

if (AdminTokenCommand.Matches(args))
{
    return await AdminTokenCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// Every source is read and every key of the cloud's sections checked before anything is opened.
var builder = CloudConfiguration.CreateBuilder(args, Console.Error);
if (builder is null)
{
    return 2;
}

builder.Services.AddCloudServices();
try
{
    // Building the application creates Kestrel, which reads Cloud:Http; then every ValidateOnStart option is
    // checked, before any hosted service opens the database.
    var app = builder.Build();
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.UseCloud();
    await app.RunAsync();
}
catch (Exception e) when (OptionsFailureReport.Write(e, Console.Error))
{
    // A bad configuration prints its keys, not a stack trace.
    return 2;
}
catch (StartupRefusedException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

return 0;
