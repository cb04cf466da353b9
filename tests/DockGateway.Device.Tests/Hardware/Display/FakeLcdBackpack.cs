using System.Device.I2c;
using System.Text;

namespace DockGateway.Device.Tests.Hardware.Display;

/// <summary>
/// A PCF8574 I2C backpack with an HD44780 20x4 LCD behind it, at the hardware edge. Each byte written
/// is the expander's port (P0 RS, P1 RW, P2 E, P3 backlight, P4-P7 D4-D7); on each falling edge of E
/// the controller latches a nibble, as the chip does: 8-bit instructions until a function set selects
/// 4 bits, then pairs of nibbles. Instructions (clear, home, entry mode, display control, function set,
/// set DDRAM address) and data are applied to a DDRAM model, so <see cref="Lines"/> are the four rows a
/// person would read.
/// </summary>
public sealed class FakeLcdBackpack(int bus = 1, int address = 0x27) : I2cDevice
{
    private const byte RegisterSelect = 0x01;
    private const byte ReadWrite = 0x02;
    private const byte Enable = 0x04;
    private const byte BacklightBit = 0x08;
    private static readonly int[] s_rowStarts = [0x00, 0x40, 0x14, 0x54];

    private readonly byte[] _ddram = Enumerable.Repeat((byte)' ', 0x80).ToArray();
    private byte _port;
    private bool _fourBit;
    private int? _high;
    private int _address;
    private bool _increment = true;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(bus, address);

    /// <summary>Every instruction the controller executed, by name (Clear, SetDdram 0x40, ...).</summary>
    public List<string> Instructions { get; } = [];

    /// <summary>The first row as it read each time the controller was sent to a new DDRAM address (after a row was
    /// written), kept for tests that watch a display from another thread without sampling it.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> FirstRowsShown { get; } = new();

    /// <summary>How many characters were written to DDRAM.</summary>
    public int CharactersWritten { get; private set; }

    public bool FourBitMode => _fourBit;

    public bool TwoLineMode { get; private set; }

    public bool DisplayOn { get; private set; }

    public bool Backlight => (_port & BacklightBit) != 0;

    /// <summary>The four 20-character rows as they read on the glass.</summary>
    public string[] Lines => s_rowStarts.Select(start => Encoding.ASCII.GetString(_ddram, start, 20)).ToArray();

    public override void WriteByte(byte value)
    {
        if ((_port & Enable) != 0 && (value & Enable) == 0)
        {
            Latch(_port);
        }

        _port = value;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var b in buffer)
        {
            WriteByte(b);
        }
    }

    public override void Read(Span<byte> buffer) => throw new InvalidOperationException("the LCD is only written (RW is held low)");

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => throw new InvalidOperationException("the LCD is only written");

    private void Latch(byte port)
    {
        if ((port & ReadWrite) != 0)
        {
            throw new InvalidOperationException("RW high on a write cycle");
        }

        var nibble = port >> 4;
        var data = (port & RegisterSelect) != 0;
        if (!_fourBit)
        {
            Execute(data, (byte)(nibble << 4));
            return;
        }

        if (_high is not int high)
        {
            _high = nibble;
            return;
        }

        _high = null;
        Execute(data, (byte)((high << 4) | nibble));
    }

    private void Execute(bool data, byte value)
    {
        if (data)
        {
            _ddram[_address] = value;
            CharactersWritten++;
            _address = Next(_address, _increment ? 1 : -1);
            return;
        }

        switch (value)
        {
            case >= 0x80:
                _address = value & 0x7F;
                Instructions.Add($"SetDdram 0x{_address:X2}");
                FirstRowsShown.Enqueue(Lines[0]);
                break;
            case >= 0x40:
                Instructions.Add("SetCgram");
                break;
            case >= 0x20:
                _fourBit = (value & 0x10) == 0;
                TwoLineMode = (value & 0x08) != 0;
                Instructions.Add(_fourBit ? "FunctionSet 4-bit" : "FunctionSet 8-bit");
                break;
            case >= 0x10:
                Instructions.Add("Shift");
                break;
            case >= 0x08:
                DisplayOn = (value & 0x04) != 0;
                Instructions.Add("DisplayControl");
                break;
            case >= 0x04:
                _increment = (value & 0x02) != 0;
                Instructions.Add("EntryMode");
                break;
            case >= 0x02:
                _address = 0;
                Instructions.Add("Home");
                break;
            case 0x01:
                Array.Fill(_ddram, (byte)' ');
                _address = 0;
                _increment = true;
                Instructions.Add("Clear");
                break;
            default:
                break; // 0x00: the low nibble of an init command seen while still in 8-bit mode
        }
    }

    /// <summary>The DDRAM address after <paramref name="address"/> in two-line mode (0x00-0x27, 0x40-0x67).</summary>
    private static int Next(int address, int step)
    {
        var next = address + step;
        return next switch
        {
            0x28 => 0x40,
            0x68 => 0x00,
            0x3F => 0x27,
            -1 => 0x67,
            _ => next,
        };
    }
}
