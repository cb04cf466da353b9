using System.Text;
using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Adapters;

public sealed class AmbarellaAdapterTests
{
    private static readonly UsbDeviceInfo s_device = new("1-1.3", 0x4255, 0x0001, "USBSER", "Ambarella", "Camera", "/sys/x");
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 14, 5, 9, TimeSpan.Zero);
    private readonly SimulatedRecorderTransport _recorder = new();
    private readonly AmbarellaAdapter _adapter;

    public AmbarellaAdapterTests()
    {
        _adapter = new AmbarellaAdapter(_recorder, "12345678", new UtcTimeProvider(), NullLogger<AmbarellaAdapter>.Instance);
    }

    [Fact]
    public async Task Handshake_logs_in_reads_the_device_id_sets_the_clock_and_switches_to_mass_storage()
    {
        var result = await _adapter.HandshakeAsync(s_device, s_now, CancellationToken.None);

        Assert.Equal(
            ["@Ver;8;00000000;#", "@Gdv;8;12345678;#", "@Sdt;8;20261122;#", "@Stm;6;14050900;#", "@ATH;8;12345678;#"],
            _recorder.Received);
        Assert.Equal("AMB-7781", result.DeviceId);
        Assert.Equal(s_now, result.ClockSetTo);
        Assert.Null(result.ClockBefore);
        Assert.True(_recorder.Disposed);
        Assert.Equal("1-1.3", _recorder.OpenedFor!.Port);
        Assert.Equal("AMB-7781", _adapter.Identify(s_device, result).Serial);
    }

    [Fact]
    public async Task Refused_login_fails_the_handshake_and_never_switches_to_storage()
    {
        _recorder.Replies["@Ver"] = _ => "@Ver;ERR;#"u8.ToArray();

        var error = await Assert.ThrowsAsync<AdapterException>(() => _adapter.HandshakeAsync(s_device, null, CancellationToken.None));

        Assert.Contains("refused the login", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_recorder.Received, c => c.StartsWith("@ATH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silent_recorder_is_a_timeout_naming_the_command()
    {
        _recorder.Replies["@Gdv"] = _ => null;

        var error = await Assert.ThrowsAsync<AdapterException>(() => _adapter.HandshakeAsync(s_device, null, CancellationToken.None));

        Assert.Contains("No reply to @Gdv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlong_reply_is_refused()
    {
        _recorder.Replies["@Gdv"] = _ => Encoding.ASCII.GetBytes("@Gdv;OK;" + new string('A', 80) + "#");

        var error = await Assert.ThrowsAsync<AdapterException>(() => _adapter.HandshakeAsync(s_device, null, CancellationToken.None));

        Assert.Contains("more than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_garbage_reply_is_refused()
    {
        _recorder.Replies["@Ver"] = _ => [0x40, 0x56, 0xff, 0x01, 0x02];

        var error = await Assert.ThrowsAsync<AdapterException>(() => _adapter.HandshakeAsync(s_device, null, CancellationToken.None));

        Assert.Contains("non-printable byte 0xff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_device_id_falls_back_to_the_usb_serial()
    {
        _recorder.Replies["@Gdv"] = _ => "@Gdv;OK;../../etc#"u8.ToArray();

        var result = await _adapter.HandshakeAsync(s_device, null, CancellationToken.None);

        Assert.Null(result.DeviceId);
        Assert.Equal("USBSER", _adapter.Identify(s_device, result).Serial);
        Assert.Null(result.ClockSetTo);
        Assert.DoesNotContain(_recorder.Received, c => c.StartsWith("@Sdt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unacknowledged_clock_command_leaves_the_clock_unset_but_completes_the_handshake()
    {
        _recorder.Replies["@Stm"] = _ => "@Stm;ERR;#"u8.ToArray();

        var result = await _adapter.HandshakeAsync(s_device, s_now, CancellationToken.None);

        Assert.Null(result.ClockSetTo);
        Assert.Equal("@ATH;8;12345678;#", _recorder.Received[^1]);
    }

    [Fact]
    public async Task Clock_cannot_be_read_so_skew_is_unknown()
    {
        Assert.Null(await _adapter.ReadClockAsync(s_device, CancellationToken.None));
    }

    [Fact]
    public void Password_with_separators_is_refused_before_anything_is_sent()
    {
        Assert.Throws<ArgumentException>(() => AmbarellaProtocol.GetDeviceId("12;#"));
    }

    private sealed class UtcTimeProvider : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
