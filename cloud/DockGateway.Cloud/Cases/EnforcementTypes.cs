namespace DockGateway.Cloud.Cases;

/// <summary>The enforcement types a case may have (the "three systems" plans' categories).</summary>
public static class EnforcementTypes
{
    /// <summary>Code → Chinese name: 行政处罚, 行政强制, 行政检查, 行政许可, 刑事, 其他.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["administrative-penalty"] = "行政处罚",
        ["administrative-coercion"] = "行政强制",
        ["administrative-inspection"] = "行政检查",
        ["administrative-licensing"] = "行政许可",
        ["criminal"] = "刑事",
        ["other"] = "其他",
    };

    public static bool IsValid(string? code) => code is not null && Names.ContainsKey(code);
}
