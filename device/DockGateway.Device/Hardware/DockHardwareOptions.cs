using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Display;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Mounting;

namespace DockGateway.Device.Hardware;

/// <summary>The real dock's hardware, bound from <c>Dock:Hardware</c> (example: deploy/dockgateway.example.json).</summary>
public sealed class DockHardwareOptions
{
    public const string Section = "Dock:Hardware";

    /// <summary>Off in simulation: AddDockHardware then registers nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where sysfs is mounted; tests point it at a fake tree.</summary>
    public string SysfsRoot { get; set; } = "/sys";

    /// <summary>Where the block device nodes are (sda1 …); tests point it at symlinks to images.</summary>
    public string DevRoot { get; set; } = "/dev";

    /// <summary>Private (0700) directory under which volumes are mounted.</summary>
    public string RunDirectory { get; set; } = "/run/dockgateway";

    /// <summary>How often sysfs is rescanned even without a uevent.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Listen for kernel uevents (netlink) to rescan at once on hot-plug.</summary>
    public bool UseUevents { get; set; } = true;

    /// <summary>Port path to slot number, with each slot's pins.</summary>
    public List<SlotWiring> Slots { get; set; } = [];

    /// <summary>Recorder models admitted besides the built-in Ambarella 4255:0001.</summary>
    public List<RecorderModel> RecorderModels { get; set; } = [];

    /// <summary>Serials registered to this dock's agency; others are ingested but flagged unregistered.</summary>
    public List<string> RegisteredSerials { get; set; } = [];

    /// <summary>A file with one registered serial per line (# comments), read at every insertion.</summary>
    public string? RegisteredSerialsFile { get; set; }

    /// <summary>The GPIO chip (gpiochip0, or just 0); null or empty when no GPIO is wired.</summary>
    public string? GpioChip { get; set; } = "gpiochip0";

    /// <summary>The System.Device.Gpio libgpiod driver: Auto (v2 when libgpiod.so.3 loads, else v1), Libgpiod or LibgpiodV2.</summary>
    public GpioDriverKind GpioDriver { get; set; } = GpioDriverKind.Auto;

    /// <summary>Buzzer output pin, optional.</summary>
    public int? BuzzerPin { get; set; }

    /// <summary>How long a slot switch must be stable before it counts.</summary>
    public TimeSpan SwitchDebounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Password for vendor handshakes (Ambarella @Gdv/@ATH).</summary>
    public string AdapterPassword { get; set; } = "000000";

    /// <summary>Set the recorder's clock at every docking where its adapter can.</summary>
    public bool SetRecorderClock { get; set; } = true;

    public VolumeMountOptions Mount { get; set; } = new();

    /// <summary>The optional 20x4 character LCD on an I2C PCF8574 backpack; absent (null) = no display.</summary>
    public DisplayOptions? Display { get; set; }

    /// <summary>True when any slot has a pin or a buzzer is fitted.</summary>
    public bool HasGpio => !string.IsNullOrEmpty(GpioChip)
        && (BuzzerPin is not null || Slots.Any(s => s.SwitchPin is not null || s.GreenLedPin is not null || s.RedLedPin is not null));
}
