namespace DockGateway.Testing.Postgres;

/// <summary>
/// Put on a concrete test class (for example the PostgreSQL variant of a storage test class) to skip
/// its inherited <see cref="VariantFactAttribute"/> tests, with the reason printed, when the machine
/// lacks what it needs: <c>[VariantNeeds(Needs.Postgres)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VariantNeedsAttribute(params Needs[] needs) : Attribute
{
    public IReadOnlyList<Needs> Needs { get; } = needs;
}
