using System.Globalization;

namespace DockGateway.Shared.Text;

/// <summary>
/// A count and its noun in English texts (the cloud's problem details and access-log details, the dock's slot
/// messages and LCD): "1 recorder", "2 recorders". The console shows its own words for these in the reader's
/// language (CLDR plural forms); this keeps the English ones grammatical.
/// </summary>
public static class EnglishCount
{
    public static string Of(long count, string one, string other) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : other)}");

    /// <summary>"1 recorder matches", "2 recorders match": the count, its noun and the verb agreeing with it.</summary>
    public static string Matching(long count, string one, string other) =>
        Of(count, one + " matches", other + " match");
}
