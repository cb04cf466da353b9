using DockGateway.Device;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Versioning;
using Microsoft.Extensions.Options;

if (args is ["--version"])
{
    Console.WriteLine(ProductInfo.Version);
    return 0;
}

// Every source is read and every key of the dock's sections checked before anything is opened.
var builder = DockComposition.CreateBuilder(args, Console.Error);
if (builder is null)
{
    return 2;
}

builder.Services.AddDock(builder.Configuration);
using var host = builder.Build();
try
{
    // Every ValidateOnStart option is checked here, before any service is built (the host's own check then finds them cached).
    host.Services.GetService<IStartupValidator>()?.Validate();
    await host.RunAsync();
}
catch (Exception e)
{
    // A bad configuration prints its keys, not a stack trace.
    if (!OptionsFailureReport.Write(e, Console.Error))
    {
        throw;
    }

    return 2;
}

return 0;
