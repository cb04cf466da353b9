using Xunit;

namespace DockGateway.Testing;

/// <summary>
/// A theory that is skipped, with the reason printed, when the machine lacks something it needs.
/// Usage: <c>[RequiresTheory(Needs.Mosquitto)]</c> with <c>[MemberData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(params Needs[] needs)
    {
        Skip = Requirements.All(needs.Select(Requirements.Reason).ToArray());
    }
}
