namespace DockGateway.Shared.Http;

/// <summary>A structured-field item or inner list with its parameters.</summary>
internal sealed record SfItem(object Value, IReadOnlyDictionary<string, object> Parameters);

/// <summary>A structured-field token (an unquoted bare item).</summary>
internal sealed record SfToken(string Value);
