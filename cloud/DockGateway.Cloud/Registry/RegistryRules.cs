using System.Text.RegularExpressions;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// Field rules shared by the JSON endpoints and the CSV imports. Each check returns null when the value
/// is acceptable, or the message to report against the field.
/// </summary>
public static partial class RegistryRules
{
    public const int MaxText = 200;
    public const long MaxCount = 10_000_000;

    public static string? Code(string? value) =>
        value is null ? "required" : AgencyCodePattern().IsMatch(value) ? null : "1-32 characters: upper-case letters, digits, '-' or '_', starting with a letter or digit";

    public static string? Badge(string? value) =>
        value is null ? "required" : BadgePattern().IsMatch(value) ? null : "1-32 characters: letters, digits, '-' or '_', starting with a letter or digit";

    public static string? Serial(string? value) =>
        value is null ? "required" : SerialPattern().IsMatch(value) ? null : "1-64 characters: letters, digits, '-', '_' or '.', starting with a letter or digit";

    public static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "required"
        : value.Length > MaxText ? $"at most {MaxText} characters"
        : value.Any(char.IsControl) ? "must not contain control characters"
        : null;

    public static string? Status(string? value) =>
        value is not null && RecorderStatus.All.Contains(value) ? null : $"must be one of {string.Join(", ", RecorderStatus.All)}";

    public static string? Count(long? value) =>
        value is null ? "required" : value is < 0 or > MaxCount ? $"must be between 0 and {MaxCount}" : null;

    /// <summary>Checks an agency body; <paramref name="code"/> is the code it will have.</summary>
    public static FieldErrors Agency(AgencyRequest request, string? code)
    {
        var errors = new FieldErrors();
        AddIf(errors, "code", Code(code));
        AddIf(errors, "name", Text(request.Name));
        AddIf(errors, "class", request.Class is "A" or "B" or "C" ? null : "must be A, B or C");
        AddIf(errors, "officerCount", Count(request.OfficerCount));
        AddIf(errors, "legalReviewStaff", Count(request.LegalReviewStaff));
        if (request.Class == "C")
        {
            AddIf(errors, "classCMinimum", request.ClassCMinimum is null ? "required for class C" : Count(request.ClassCMinimum));
        }
        else if (request.ClassCMinimum is not null && request.Class is "A" or "B")
        {
            errors.Add("classCMinimum", $"only class C has a configured minimum; class {request.Class} derives it from the officer count");
        }

        return errors;
    }

    public static void AddIf(FieldErrors errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(field, message);
        }
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,31}$")]
    private static partial Regex AgencyCodePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex BadgePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex SerialPattern();
}
