using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Hardware.Adapters;
using DockGateway.Testing.Volumes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockGateway.Device.Tests.Hardware.Usb;

/// <summary>A USB slot source over a fake sysfs tree, with real mounting and a simulated Ambarella transport.</summary>
internal sealed class TestDock : IDisposable
{
    private readonly SlotTracking _tracking = new();

    public TestDock(Action<DockHardwareOptions>? configure = null)
    {
        Sysfs = new FakeSysfs(Scratch.Path);
        var options = HardwareTestOptions.For(Scratch, Sysfs, configure);
        var time = TimeProvider.System;
        IRecorderAdapter[] adapters =
        [
            new MassStorageAdapter(),
            new AmbarellaAdapter(Recorder, "00000000", time, NullLogger<AmbarellaAdapter>.Instance),
        ];
        var admission = new SlotAdmission(
            options,
            new RecorderCatalog(options, adapters),
            new RecorderRegistry(options, NullLogger<RecorderRegistry>.Instance),
            new VolumeMounter(options, NullLogger<VolumeMounter>.Instance),
            time,
            NullLogger<SlotAdmission>.Instance);
        Source = new UsbSlotSource(
            options,
            new SysfsUsbScanner(Sysfs.Sys, Sysfs.Dev),
            admission,
            new RescanSignal(),
            time,
            NullLogger<UsbSlotSource>.Instance);
    }

    public ScratchDirectory Scratch { get; } = new();

    public FakeSysfs Sysfs { get; }

    public SimulatedRecorderTransport Recorder { get; } = new();

    public UsbSlotSource Source { get; }

    public string RunDirectory => Scratch.Combine("run");

    public Task<IReadOnlyList<SlotEvent>> ScanAsync() => Source.ScanOnceAsync(_tracking, CancellationToken.None);

    public string Fat32WithFootage(string name) => RecorderImage.CreateFat32(Scratch.Combine(name), RecorderImage.Footage());

    /// <summary>Mounts under the dock's run directory right now.</summary>
    public IReadOnlyList<MountTable.Entry> Mounts() =>
        MountTable.Read().Where(e => e.MountPoint.StartsWith(RunDirectory, StringComparison.Ordinal)).ToArray();

    public void Dispose() => Scratch.Dispose();
}
