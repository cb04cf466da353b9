using Xunit;
using Xunit.Sdk;

namespace DockGateway.Testing.Postgres;

/// <summary>
/// A fact written once in an abstract base class and run by each concrete variant (SQLite, PostgreSQL);
/// a variant marked <see cref="VariantNeedsAttribute"/> skips it, saying why, when its needs are not met.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("DockGateway.Testing.Postgres.VariantFactDiscoverer", "DockGateway.Testing")]
public sealed class VariantFactAttribute : FactAttribute;
