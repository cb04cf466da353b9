using DockGateway.Cloud.Hosting;

// Every source is read and every key of the cloud's sections checked before anything is opened.
var builder = CloudConfiguration.CreateBuilder(args, Console.Error);
if (builder is null)
{
    return 2;
}

builder.Services.AddCloudServices();
var app = builder.Build();
app.UseCloud();
await app.RunAsync();
return 0;
