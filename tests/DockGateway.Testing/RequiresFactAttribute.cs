using Xunit;

namespace DockGateway.Testing;

/// <summary>
/// A fact that is skipped, with the reason printed, when the machine lacks something it needs.
/// Usage: <c>[RequiresFact(Needs.Mosquitto)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(params Needs[] needs)
    {
        Skip = Requirements.All(needs.Select(Requirements.Reason).ToArray());
    }
}
