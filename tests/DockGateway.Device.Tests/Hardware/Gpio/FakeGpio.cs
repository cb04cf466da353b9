using System.Collections.Concurrent;
using DockGateway.Device.Hardware.Gpio;

namespace DockGateway.Device.Tests.Hardware.Gpio;

/// <summary>A GPIO chip at the hardware edge: inputs driven by the test, outputs recorded.</summary>
public sealed class FakeGpio : IGpio
{
    public string Chip => "fakechip0";

    public ConcurrentDictionary<int, FakeLine> Lines { get; } = new();

    public IGpioInput OpenInput(int pin, GpioBias bias) => Lines.GetOrAdd(pin, p => new FakeLine(p, bias == GpioBias.PullUp));

    public IGpioOutput OpenOutput(int pin, bool initialValue) => Lines.GetOrAdd(pin, p => new FakeLine(p, initialValue));

    public void Dispose()
    {
    }

    public sealed class FakeLine(int pin, bool level) : IGpioInput, IGpioOutput
    {
        private readonly BlockingCollection<GpioEdge> _edges = [];
        private bool _level = level;

        public int Pin => pin;

        public List<bool> Written { get; } = [];

        public int Waits { get; private set; }

        public bool Read() => _level;

        public void Write(bool value)
        {
            _level = value;
            Written.Add(value);
        }

        /// <summary>Drives the input to <paramref name="value"/>, with an edge.</summary>
        public void Drive(bool value)
        {
            _level = value;
            _edges.Add(new GpioEdge(pin, value, TimeSpan.Zero));
        }

        public GpioEdge? WaitForEdge(TimeSpan timeout, CancellationToken cancellationToken)
        {
            Waits++;
            try
            {
                return _edges.TryTake(out var edge, (int)timeout.TotalMilliseconds, cancellationToken) ? edge : null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public void Dispose()
        {
        }
    }
}
