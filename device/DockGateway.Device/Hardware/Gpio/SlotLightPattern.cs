using DockGateway.Device.Slots;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// What a slot's green and red LEDs show in each state (the table in deploy/README-wiring.md),
/// and how many short beeps the buzzer gives on entering it.
/// </summary>
public sealed record SlotLightPattern(Blink Green, Blink Red, int Beeps)
{
    private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_busy = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_fast = TimeSpan.FromMilliseconds(200);

    public static SlotLightPattern For(SlotState state) => state switch
    {
        SlotState.Empty => new(Blink.Off, Blink.Off, 0),
        SlotState.Detected or SlotState.Identified or SlotState.Mounted =>
            new(Blink.Every(s_slow, TimeSpan.FromMilliseconds(200)), Blink.Off, 0),
        SlotState.Ingesting or SlotState.Verified or SlotState.Wiped =>
            new(Blink.Every(s_busy, TimeSpan.FromMilliseconds(250)), Blink.Off, 0),
        SlotState.Done => new(Blink.Solid, Blink.Off, 1),
        SlotState.Error => new(Blink.Off, Blink.Every(s_fast, TimeSpan.FromMilliseconds(100)), 3),
        SlotState.Refused => new(Blink.Off, Blink.Solid, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no light pattern for this slot state"),
    };
}
