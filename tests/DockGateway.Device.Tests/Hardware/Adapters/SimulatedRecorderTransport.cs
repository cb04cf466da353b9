using System.Text;
using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Usb;

namespace DockGateway.Device.Tests.Hardware.Adapters;

/// <summary>
/// An Ambarella recorder's vendor interface, simulated at the USB transport edge: replies are
/// scripted per command name, and anything (garbage, overlong, silence) can be scripted.
/// </summary>
public sealed class SimulatedRecorderTransport : IUsbTransport, IUsbTransportFactory
{
    private readonly Queue<byte[]> _pending = new();

    public Dictionary<string, Func<string, byte[]?>> Replies { get; } = new(StringComparer.Ordinal)
    {
        ["@Ver"] = _ => Encoding.ASCII.GetBytes("@Ver;OK;#"),
        ["@Gdv"] = _ => Encoding.ASCII.GetBytes("@Gdv;OK;AMB-7781#"),
        ["@Sdt"] = _ => Encoding.ASCII.GetBytes("@Sdt;OK;#"),
        ["@Stm"] = _ => Encoding.ASCII.GetBytes("@Stm;OK;#"),
        ["@ATH"] = _ => Encoding.ASCII.GetBytes("@ATH;OK;#"),
    };

    public List<string> Received { get; } = [];

    public UsbDeviceInfo? OpenedFor { get; private set; }

    public bool Disposed { get; private set; }

    public IUsbTransport Open(UsbDeviceInfo device, int interfaceNumber, byte outEndpoint, byte inEndpoint)
    {
        if (interfaceNumber != 0 || outEndpoint != 0x01 || inEndpoint != 0x81)
        {
            throw new AdapterException($"unexpected interface {interfaceNumber} / endpoints {outEndpoint:x2} {inEndpoint:x2}");
        }

        OpenedFor = device;
        Disposed = false;
        return this;
    }

    public int Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        var command = Encoding.ASCII.GetString(data);
        Received.Add(command);
        var name = command.Length >= 4 ? command[..4] : command;
        var reply = Replies.TryGetValue(name, out var make) ? make(command) : null;
        if (reply is not null)
        {
            _pending.Enqueue(reply);
        }

        return data.Length;
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (!_pending.TryDequeue(out var reply))
        {
            return 0;
        }

        var length = Math.Min(reply.Length, buffer.Length);
        reply.AsSpan(0, length).CopyTo(buffer);
        return length;
    }

    public void Dispose() => Disposed = true;
}
