using Xunit.Abstractions;
using Xunit.Sdk;

namespace DockGateway.Testing.Postgres;

/// <summary>Discovers <see cref="VariantFactAttribute"/> tests, skipped when the concrete class's needs are unmet.</summary>
public sealed class VariantFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needs = testMethod.TestClass.Class.GetCustomAttributes(typeof(VariantNeedsAttribute))
            .SelectMany(a => a.GetConstructorArguments().OfType<Needs[]>().SelectMany(n => n))
            .ToArray();
        var reason = Requirements.All(needs.Select(Requirements.Reason).ToArray());
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }
}
