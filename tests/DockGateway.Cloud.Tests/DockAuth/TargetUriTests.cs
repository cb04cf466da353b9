using DockGateway.Cloud.DockAuth;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace DockGateway.Cloud.Tests.DockAuth;

public class TargetUriTests
{
    [Fact]
    public void Target_uri_is_scheme_host_port_and_the_raw_target()
    {
        var request = Request();
        Assert.Equal("http://127.0.0.1:5080/api/v1/uploads/ab%2Fc?x=1", TargetUri.For(request, trustForwardedHeaders: false));
    }

    [Fact]
    public void Forwarded_scheme_and_host_are_used_only_when_trusted()
    {
        var request = Request();
        request.Headers["X-Forwarded-Proto"] = "https";
        request.Headers["X-Forwarded-Host"] = "Cloud.Example";
        Assert.Equal("http://127.0.0.1:5080/api/v1/uploads/ab%2Fc?x=1", TargetUri.For(request, trustForwardedHeaders: false));
        Assert.Equal("https://cloud.example/api/v1/uploads/ab%2Fc?x=1", TargetUri.For(request, trustForwardedHeaders: true));
    }

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:5080");
        context.Request.Path = "/api/v1/uploads/ab/c";
        context.Request.QueryString = new QueryString("?x=1");
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = "/api/v1/uploads/ab%2Fc?x=1";
        return context.Request;
    }
}
