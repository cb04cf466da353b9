using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Display;
using DockGateway.Device.Slots;
using Iot.Device.CharacterLcd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Display;

public sealed class SlotDisplayTests : IDisposable
{
    private readonly FakeLcdBackpack _backpack = new();
    private readonly Lcd2004 _lcd;
    private readonly SlotDisplay _display;

    public SlotDisplayTests()
    {
        _lcd = new Lcd2004(LcdInterface.CreateI2c(_backpack, uses8Bit: false));
        var options = Options.Create(new DockHardwareOptions
        {
            Display = new DisplayOptions(),
            Slots = [.. Enumerable.Range(1, 4).Select(n => new SlotWiring { Slot = n, Port = $"1-1.{n}" })],
        });
        _display = new SlotDisplay(_lcd, options, TimeProvider.System, NullLogger<SlotDisplay>.Instance);
    }

    public void Dispose()
    {
        _display.Dispose();
        _lcd.Dispose();
    }

    [Fact]
    public void Idle_dock_shows_its_first_two_slots_empty_on_a_lit_four_bit_display()
    {
        _display.Render();

        Assert.True(_backpack.FourBitMode);
        Assert.True(_backpack.TwoLineMode);
        Assert.True(_backpack.DisplayOn);
        Assert.True(_backpack.Backlight);
        Assert.Contains("Clear", _backpack.Instructions);
        AssertLines("1 empty", string.Empty, "2 empty", string.Empty);
    }

    [Fact]
    public async Task Copying_slot_shows_serial_progress_and_errors()
    {
        await Show(1, SlotState.Ingesting, "CAM-0012", files: 40, done: 12, errors: 1);
        await Show(2, SlotState.Done, "CAM-0457", files: 40, done: 40);

        _display.Render();

        AssertLines(
            "1 copying   CAM-0012",
            "12/40 files, 1 error",
            "2 done      CAM-0457",
            "  40/40 files");
    }

    [Fact]
    public async Task A_recorder_with_one_file_shows_file_not_files()
    {
        await Show(1, SlotState.Done, "CAM-1", files: 1, done: 1);

        _display.Render();

        Assert.Equal("  1/1 file", _backpack.Lines[1].TrimEnd());
    }

    [Fact]
    public async Task Errors_are_spelled_out_when_the_row_has_room()
    {
        await Show(1, SlotState.Ingesting, "CAM-1", files: 9, done: 3, errors: 2);

        _display.Render();

        Assert.Equal("3/9 files, 2 errors ", _backpack.Lines[1]);
    }

    [Fact]
    public async Task Second_page_shows_slots_three_and_four_with_refusal_and_error_reasons()
    {
        await Show(3, SlotState.Refused, "ZX-99", message: "unknown recorder model");
        await Show(4, SlotState.Error, "BODYCAM-000123456789", message: "disk low: 1 MB free");

        _display.NextPage();
        _display.Render();

        AssertLines(
            "3 REFUSED      ZX-99",
            "unknown recorder mod",
            "4 ERROR 000123456789",
            "disk low: 1 MB free");
    }

    [Fact]
    public async Task Pages_wrap_around_to_the_first()
    {
        await Show(1, SlotState.Detected, null);

        _display.NextPage();
        _display.NextPage();
        _display.Render();

        AssertLines("1 detected", string.Empty, "2 empty", string.Empty);
    }

    [Fact]
    public async Task Only_rows_that_changed_are_rewritten()
    {
        _display.Render();
        var written = _backpack.CharactersWritten;
        var instructions = _backpack.Instructions.Count;

        _display.Render();
        Assert.Equal(written, _backpack.CharactersWritten);

        await Show(2, SlotState.Ingesting, "CAM-2", files: 5, done: 1);
        _display.Render();

        Assert.Equal(written + 40, _backpack.CharactersWritten);
        Assert.Equal(["SetDdram 0x14", "SetDdram 0x54"], _backpack.Instructions.Skip(instructions));
        AssertLines("1 empty", string.Empty, "2 copying      CAM-2", "  1/5 files");
    }

    [Fact]
    public async Task Serials_outside_plain_ascii_are_shown_with_question_marks()
    {
        await Show(1, SlotState.Identified, "CAM\u00e9\\7");

        _display.Render();

        Assert.Equal("1 identified  CAM??7", _backpack.Lines[0]);
    }

    [Fact]
    public async Task Running_display_redraws_when_a_slot_changes()
    {
        await _display.StartAsync(CancellationToken.None);
        await Show(2, SlotState.Refused, "CAM-9", message: "not registered");
        for (var i = 0; i < 200 && !_backpack.Lines[2].StartsWith("2 REFUSED", StringComparison.Ordinal); i++)
        {
            await Task.Delay(10);
        }

        var seen = _backpack.Lines;
        await _display.StopAsync(CancellationToken.None);

        Assert.Equal("2 REFUSED      CAM-9", seen[2]);
        Assert.Equal("  not registered    ", seen[3]);
    }

    [Fact]
    public async Task Running_display_turns_the_page_after_the_page_interval()
    {
        var options = Options.Create(new DockHardwareOptions
        {
            Display = new DisplayOptions { PageInterval = TimeSpan.FromMilliseconds(100) },
            Slots = [.. Enumerable.Range(1, 3).Select(n => new SlotWiring { Slot = n, Port = $"1-1.{n}" })],
        });
        using var display = new SlotDisplay(_lcd, options, TimeProvider.System, NullLogger<SlotDisplay>.Instance);
        await display.StartAsync(CancellationToken.None);
        for (var i = 0; i < 300 && !_backpack.FirstRowsShown.Contains("3 empty".PadRight(20)); i++)
        {
            await Task.Delay(10);
        }

        await display.StopAsync(CancellationToken.None);
        var pages = _backpack.FirstRowsShown.ToHashSet();

        Assert.Contains("1 empty".PadRight(20), pages);
        Assert.Contains("3 empty".PadRight(20), pages);
    }

    [Fact]
    public async Task Stopping_the_dock_says_so_on_the_display()
    {
        await _display.StartAsync(CancellationToken.None);
        await Show(1, SlotState.Done, "CAM-1", files: 1, done: 1);
        await _display.StopAsync(CancellationToken.None);

        AssertLines("DockGateway stopped", string.Empty, string.Empty, string.Empty);
    }

    [Fact]
    public void Every_slot_state_has_a_word_that_fits_beside_a_two_digit_slot_number()
    {
        foreach (var state in Enum.GetValues<SlotState>())
        {
            Assert.InRange(SlotScreen.Word(state).Length, 1, SlotScreen.Columns - 3);
        }
    }

    private ValueTask Show(int slot, SlotState state, string? recorder, int files = 0, int done = 0, int errors = 0, string message = "") =>
        _display.ShowAsync(new SlotStatus(slot, state, recorder, files, done, errors, message), CancellationToken.None);

    private void AssertLines(params string[] expected) =>
        Assert.Equal(expected.Select(line => line.PadRight(SlotScreen.Columns)), _backpack.Lines);
}
