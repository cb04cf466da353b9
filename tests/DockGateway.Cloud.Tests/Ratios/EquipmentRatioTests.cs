using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

public sealed class EquipmentRatioTests
{
    [Theory]
    [InlineData("A", 0, 0)]
    [InlineData("A", 1, 1)]
    [InlineData("A", 2, 1)]
    [InlineData("A", 3, 2)]
    [InlineData("A", 101, 51)]
    [InlineData("B", 0, 0)]
    [InlineData("B", 1, 1)]
    [InlineData("B", 3, 1)]
    [InlineData("B", 4, 2)]
    [InlineData("B", 10, 4)]
    [InlineData("B", 300, 100)]
    public void Required_recorders_round_up_for_classes_A_and_B(string agencyClass, long officers, long required) =>
        Assert.Equal(required, EquipmentRatio.RequiredFor(agencyClass, officers, null));

    [Fact]
    public void Class_C_requires_its_configured_minimum_whatever_the_officer_count()
    {
        Assert.Equal(7, EquipmentRatio.RequiredFor("C", 1000, 7));
        Assert.Equal(0, EquipmentRatio.RequiredFor("C", 1000, null));
    }

    [Theory]
    [InlineData("0.05", 0, 0)]
    [InlineData("0.05", 1, 1)]
    [InlineData("0.05", 20, 1)]
    [InlineData("0.05", 21, 2)]
    [InlineData("0.05", 100, 5)]
    [InlineData("0.05", 101, 6)]
    [InlineData("0.07", 100, 7)]
    [InlineData("0.07", 300, 21)]
    public void Legal_review_requirement_is_the_ceiling_of_share_times_officers(string share, long officers, long required) =>
        Assert.Equal(required, EquipmentRatio.LegalReviewRequiredFor(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), officers));

    [Fact]
    public void Legal_review_share_from_a_double_setting_does_not_overshoot()
    {
        // 0.07 * 100 is 7.000000000000001 in binary floating point; the ratio must say 7.
        Assert.Equal(7, EquipmentRatio.LegalReviewRequiredFor((decimal)0.07, 100));
    }

    [Theory]
    [InlineData(3, 5, false, 2)]
    [InlineData(5, 5, true, 0)]
    [InlineData(9, 5, true, 0)]
    public void Shortfall_is_the_missing_in_service_recorders(long inService, long officersTimesTwo, bool compliant, long shortfall)
    {
        var ratio = EquipmentRatio.From(
            new Agency { Code = "X", Name = "X", Class = "A", OfficerCount = officersTimesTwo * 2, LegalReviewStaff = 0 },
            new RatioCounts { RecordersInService = inService },
            0.05m, DateTimeOffset.UnixEpoch);
        Assert.Equal(officersTimesTwo, ratio.RequiredRecorders);
        Assert.Equal(compliant, ratio.Compliant);
        Assert.Equal(shortfall, ratio.Shortfall);
    }

    [Fact]
    public void Csv_fields_with_commas_quotes_or_formula_prefixes_are_quoted_and_neutralised()
    {
        Assert.Equal("\"a,b\"", CsvField.Text("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvField.Text("say \"hi\""));
        Assert.Equal("'=SUM(A1)", CsvField.Text("=SUM(A1)"));
    }
}
