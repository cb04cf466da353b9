using DockGateway.Device;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, DockCommandLine.SwitchMappings);
builder.Services.AddDockServices(builder.Configuration);
// Other capabilities register here: AddDockHardware() (USB slots, GPIO LEDs), AddDockStatus() (MQTT), AddDockSync() (cloud).
using var host = builder.Build();
if (!host.Services.ValidateDockOptions(Console.Error))
{
    return 2;
}

await host.RunAsync();
return 0;
