using System.CommandLine;
using System.Text.Json.Nodes;
using DockGateway.Device.Hardware.Usb;

namespace DockGateway.Provisioning.Installer;

/// <summary><c>dockctl slots learn</c>: records each slot's USB port path in the configuration, keeping its pins.</summary>
public static class SlotsCommand
{
    public static Command Create(Option<string> config)
    {
        var count = new Option<int>("--slots") { Description = "How many slots the dock has", DefaultValueFactory = _ => 4 };
        var sysfs = new Option<string>("--sysfs") { Description = "Where sysfs is mounted", HelpName = "DIR", DefaultValueFactory = _ => "/sys" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each recorder", DefaultValueFactory = _ => 120 };
        var learn = new Command("learn", "Ask for a recorder in each slot in turn and record the USB port it appears on")
        {
            config, count, sysfs, timeout,
        };
        learn.SetAction(async (parse, cancellationToken) =>
        {
            var slots = parse.GetRequiredValue(count);
            if (slots is < 1 or > 64)
            {
                throw new InputException($"--slots {slots} must be between 1 and 64");
            }

            var file = DockConfigFile.Load(parse.GetRequiredValue(config));
            var output = parse.InvocationConfiguration.Output;
            var learner = new SlotLearner(
                new SysfsUsbScanner(parse.GetRequiredValue(sysfs), "/dev"), output, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(parse.GetRequiredValue(timeout)));
            var ports = await learner.LearnAsync(slots, cancellationToken);

            var previous = (file.Hardware["Slots"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var learnt = new JsonArray();
            for (var i = 0; i < ports.Count; i++)
            {
                var entry = previous.FirstOrDefault(s => (int?)s["Slot"] == i + 1)?.DeepClone().AsObject() ?? new JsonObject { ["Slot"] = i + 1 };
                entry["Port"] = ports[i];
                learnt.Add(entry);
            }

            file.Hardware["Slots"] = learnt;
            InitCommand.Validate(file);
            file.Save();
            output.WriteLine($"saved {ports.Count} slot(s) to {file.Path}: {string.Join(", ", ports.Select((p, i) => $"{i + 1}={p}"))}");
            return ExitCodes.Ok;
        });
        var command = new Command("slots", "The dock's slot map (USB port per slot)");
        command.Subcommands.Add(learn);
        return command;
    }
}
