using DockGateway.Device.Slots;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Device.Simulation;

/// <summary>Registers the simulated slots (Dock:Simulation:Root) in place of the hardware.</summary>
public static class SimulationServiceCollectionExtensions
{
    /// <summary>Folders under Dock:Simulation:Root as slots, and a state file per slot as its lights.</summary>
    public static IServiceCollection AddDockSimulation(this IServiceCollection services) => services
        .AddSingleton<ISlotSource, SimulatedSlotSource>()
        .AddSingleton<ISlotIndicator, StateFileIndicator>();
}
