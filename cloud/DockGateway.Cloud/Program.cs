using DockGateway.Cloud.Hosting;
using DockGateway.Shared.Faults;

CrashPoint.Validate(); // test-only fault injection (DOCKGW_TEST_KILL_AT); inert when unset

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCloudServices();
var app = builder.Build();
app.UseCloud();
await app.RunAsync();
