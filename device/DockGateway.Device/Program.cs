using DockGateway.Device;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
if (!DockComposition.AddConfigFile(builder.Configuration, args, Console.Error))
{
    return 2;
}

builder.Configuration.AddCommandLine(args, DockCommandLine.SwitchMappings);
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
    if (!DockComposition.Report(e, Console.Error))
    {
        throw;
    }

    return 2;
}

return 0;
