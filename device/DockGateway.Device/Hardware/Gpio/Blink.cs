namespace DockGateway.Device.Hardware.Gpio;

/// <summary>How one LED behaves over time: off, solid, or on for <see cref="OnFor"/> in every <see cref="Period"/>.</summary>
public readonly record struct Blink(TimeSpan Period, TimeSpan OnFor)
{
    public static Blink Off { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public static Blink Solid { get; } = new(TimeSpan.Zero, TimeSpan.MaxValue);

    public static Blink Every(TimeSpan period, TimeSpan onFor) => new(period, onFor);

    /// <summary>Whether the LED stays as it is (off or solid), so nothing needs redrawing as time passes.</summary>
    public bool IsSteady => OnFor <= TimeSpan.Zero || Period <= TimeSpan.Zero || OnFor >= Period;

    /// <summary>Whether the LED is lit <paramref name="elapsed"/> after the pattern started.</summary>
    public bool IsOn(TimeSpan elapsed)
    {
        if (OnFor <= TimeSpan.Zero)
        {
            return false;
        }

        if (Period <= TimeSpan.Zero)
        {
            return true;
        }

        return elapsed.Ticks % Period.Ticks < OnFor.Ticks;
    }
}
