using DockGateway.Device.Hosting;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Hosting;

public sealed class IdleDetectorTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));

    private void Wait(double seconds) => _time.Now += TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Trims_once_after_a_quiet_spell_then_not_again_until_new_work()
    {
        var detector = new IdleDetector(_time, Quiet);
        Assert.False(detector.Observe(busy: false, mark: 1)); // first look: the mark is new

        Wait(29);
        Assert.False(detector.Observe(false, 1));
        Wait(1);
        Assert.True(detector.Observe(false, 1));

        Wait(600);
        Assert.False(detector.Observe(false, 1)); // still at rest: no second trim

        Assert.False(detector.Observe(false, 2)); // new work (a queue length changed)
        Wait(30);
        Assert.True(detector.Observe(false, 2));
    }

    [Fact]
    public void A_busy_dock_is_never_at_rest_and_the_quiet_spell_starts_at_the_last_look_that_saw_it_busy()
    {
        var detector = new IdleDetector(_time, Quiet);
        for (var i = 0; i < 20; i++)
        {
            Wait(10);
            Assert.False(detector.Observe(busy: true, mark: 7)); // a slot ingesting, same mark
        }

        Wait(10);
        Assert.False(detector.Observe(false, 7));
        Wait(19);
        Assert.False(detector.Observe(false, 7));
        Wait(1);
        Assert.True(detector.Observe(false, 7));
    }

    [Fact]
    public void Work_during_the_quiet_spell_restarts_it()
    {
        var detector = new IdleDetector(_time, Quiet);
        detector.Observe(false, 1);
        Wait(25);
        Assert.False(detector.Observe(false, 2));
        Wait(25);
        Assert.False(detector.Observe(false, 2));
        Wait(5);
        Assert.True(detector.Observe(false, 2));
    }

    [Theory]
    [InlineData(SlotState.Empty, false)]
    [InlineData(SlotState.Done, false)]
    [InlineData(SlotState.Error, false)]
    [InlineData(SlotState.Refused, false)]
    [InlineData(SlotState.Detected, true)]
    [InlineData(SlotState.Mounted, true)]
    [InlineData(SlotState.Ingesting, true)]
    [InlineData(SlotState.Verified, true)]
    [InlineData(SlotState.Wiped, true)]
    public void Only_a_slot_between_insertion_and_done_counts_as_work(SlotState state, bool working) =>
        Assert.Equal(working, IdleTrimmer.Working(state));
}
