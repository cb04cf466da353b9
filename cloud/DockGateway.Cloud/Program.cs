using DockGateway.Cloud.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCloudServices();
var app = builder.Build();
app.UseCloud();
await app.RunAsync();
