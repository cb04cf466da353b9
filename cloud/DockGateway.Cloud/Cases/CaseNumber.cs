namespace DockGateway.Cloud.Cases;

/// <summary>
/// The form of a case number (案号): agency-defined, but 1-64 characters, starting with a letter (any script, so
/// 深公行罚 is fine) or digit, then letters, digits and the punctuation case numbers use: - _ / . ( ) （ ） 〔 〕 [ ] 【 】.
/// No spaces or control characters, so a number reads and sorts the same everywhere (CSV, file names, URLs).
/// </summary>
public static class CaseNumber
{
    public const int MaxLength = 64;
    public const string Punctuation = "-_/.()（）〔〕[]【】";

    public const string Rule = "1-64 characters: letters (any script) or digits, and - _ / . ( ) （ ） 〔 〕 [ ] 【 】 after the first; no spaces";

    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= MaxLength }
        && char.IsLetterOrDigit(text[0])
        && text.All(c => char.IsLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal))
        && !text.Any(char.IsSurrogate);
}
