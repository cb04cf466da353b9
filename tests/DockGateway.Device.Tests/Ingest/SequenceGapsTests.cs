using DockGateway.Device.Ingest;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

public class SequenceGapsTests
{
    [Fact]
    public void The_order_numbers_are_known_in_does_not_matter()
    {
        Assert.Empty(SequenceGaps.Decide(null, [9, 3, 11, 1, 12, 2, 4, 5, 6, 7, 8, 10], out var decided));
        Assert.Equal(12, decided);
    }

    [Fact]
    public void A_missing_number_is_one_gap_from_the_first_docking_on()
    {
        Assert.Equal([(6L, 8L)], SequenceGaps.Decide(null, [12, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11], out var decided));
        Assert.Equal(12, decided);
    }

    [Fact]
    public void Numbers_up_to_the_last_decided_one_are_never_decided_again()
    {
        Assert.Empty(SequenceGaps.Decide(12, [1, 5, 12], out var decided));
        Assert.Equal(12, decided);
        Assert.Equal([(12L, 14L)], SequenceGaps.Decide(12, [3, 14, 15], out decided));
        Assert.Equal(15, decided);
    }

    [Fact]
    public void A_restarted_numbering_raises_no_gap_and_keeps_the_last_decided_number()
    {
        Assert.Empty(SequenceGaps.Decide(120, [1, 2, 4], out var decided));
        Assert.Equal(120, decided);
        Assert.Empty(SequenceGaps.Decide(120, [121, 122], out decided));
        Assert.Equal(122, decided);
    }

    [Fact]
    public void Nothing_known_decides_nothing()
    {
        Assert.Empty(SequenceGaps.Decide(null, [], out var decided));
        Assert.Null(decided);
    }
}
