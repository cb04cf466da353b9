using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Hosting;

if (AdminTokenCommand.Matches(args))
{
    return await AdminTokenCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCloudServices();
var app = builder.Build();
app.UseCloud();
await app.RunAsync();
return 0;
