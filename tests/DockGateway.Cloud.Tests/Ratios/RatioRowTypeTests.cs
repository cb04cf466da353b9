using System.Reflection;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

/// <summary>The ratio queries read agencies into the registry's <see cref="Agency"/>: no second declaration of its columns to drift.</summary>
public sealed class RatioRowTypeTests
{
    [Fact]
    public void No_ratio_type_redeclares_the_registry_agency()
    {
        var agencyColumns = new[] { nameof(Agency.Code), nameof(Agency.Name), nameof(Agency.Class), nameof(Agency.OfficerCount), nameof(Agency.ClassCMinimum), nameof(Agency.LegalReviewStaff) };
        var copies = typeof(RatioQuery).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RatioQuery).Namespace)
            .Where(t => agencyColumns.All(c => t.GetProperty(c, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance) is not null))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(copies);
    }
}
