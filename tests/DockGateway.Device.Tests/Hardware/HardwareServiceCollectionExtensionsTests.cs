using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Display;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;
using DockGateway.Device.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Hardware;

public sealed class HardwareServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_a_hardware_section_nothing_is_registered()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.Empty(services.GetServices<ISlotSource>());
    }

    [Fact]
    public void Hardware_section_registers_the_usb_slot_source_and_no_gpio_without_pins()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
        });

        Assert.IsType<UsbSlotSource>(Assert.Single(services.GetServices<ISlotSource>()));
        Assert.Empty(services.GetServices<ISlotIndicator>());
    }

    [Fact]
    public void Disabled_hardware_registers_nothing()
    {
        using var services = Build(new Dictionary<string, string?> { ["Dock:Hardware:Enabled"] = "false", ["Dock:Hardware:Slots:0:Port"] = "x" });

        Assert.Empty(services.GetServices<ISlotSource>());
    }

    [Fact]
    public void Bad_configuration_is_refused_naming_the_key()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "usb-a",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DockHardwareOptions>>().Value);

        Assert.Contains("Dock:Hardware:Slots:0:Port 'usb-a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_pins_bring_leds_whose_missing_chip_is_named_at_start()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:GpioChip"] = "gpiochip77",
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
            ["Dock:Hardware:Slots:0:GreenLedPin"] = "5",
        });

        var error = Assert.Throws<GpioException>(() => services.GetRequiredService<ISlotIndicator>());

        Assert.Contains("gpiochip77", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dock:Hardware:GpioChip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpio_chip_that_is_not_a_chip_name_is_refused_naming_the_key()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:GpioChip"] = "chip-a",
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
            ["Dock:Hardware:Slots:0:SwitchPin"] = "17",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DockHardwareOptions>>().Value);

        Assert.Contains("Dock:Hardware:GpioChip 'chip-a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", GpioDriverKind.Auto)]
    [InlineData("libgpiod", GpioDriverKind.Libgpiod)]
    [InlineData("libgpiodv2", GpioDriverKind.LibgpiodV2)]
    public void Gpio_driver_is_bound_from_its_key(string value, GpioDriverKind expected)
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:GpioDriver"] = value,
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
        });

        Assert.Equal(expected, services.GetRequiredService<IOptions<DockHardwareOptions>>().Value.GpioDriver);
    }

    [Fact]
    public void Configured_display_on_a_missing_bus_is_named_at_start()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
            ["Dock:Hardware:Display:Bus"] = "97",
        });

        var error = Assert.Throws<DisplayException>(() => services.GetRequiredService<ISlotIndicator>());

        Assert.Contains("Dock:Hardware:Display:Bus is 97", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/i2c-97", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_address_out_of_range_is_refused_naming_the_key()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Dock:Hardware:Slots:0:Slot"] = "1",
            ["Dock:Hardware:Slots:0:Port"] = "1-1.3",
            ["Dock:Hardware:Display:Address"] = "200",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DockHardwareOptions>>().Value);

        Assert.Contains("Dock:Hardware:Display:Address 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Systemd_integration_registers_nothing_when_not_run_by_systemd()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IHostApplicationLifetime, FakeLifetime>();
        collection.AddSystemdIntegration();
        using var services = collection.BuildServiceProvider();

        // The test host's parent is not systemd, so the package's AddSystemd() and the watchdog stay out.
        Assert.False(SystemdHelpers.IsSystemdService());
        Assert.Null(services.GetService<ISystemdNotifier>());
        Assert.Null(services.GetService<IHostLifetime>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is SystemdWatchdogService);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDockHardware(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
