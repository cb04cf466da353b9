namespace DockGateway.Shared.Configuration;

/// <summary>A configuration section the product owns (e.g. "Dock:Hardware") and the options type bound to it.</summary>
public sealed record OptionsSection(string Path, Type OptionsType);
