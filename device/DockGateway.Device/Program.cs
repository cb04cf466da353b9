using DockGateway.Device;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
if (!DockComposition.AddConfigFile(builder.Configuration, args, Console.Error))
{
    return 2;
}

builder.Configuration.AddCommandLine(args, DockCommandLine.SwitchMappings);
DockComposition.AddDock(builder.Services, builder.Configuration);
using var host = builder.Build();
if (!host.Services.ValidateDockOptions(Console.Error))
{
    return 2;
}

try
{
    await host.RunAsync();
}
catch (OptionsValidationException e)
{
    // Mqtt:*, Sync:* and Dock:Hardware:* are checked as the host starts; print their keys, not a stack trace.
    DockComposition.Report(e, Console.Error);
    return 2;
}

return 0;
