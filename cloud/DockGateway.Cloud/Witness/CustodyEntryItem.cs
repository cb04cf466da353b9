using System.Text.Json;
namespace DockGateway.Cloud.Witness;

/// <summary>One entry: its index in the dock's log and the entry object itself.</summary>
public sealed record CustodyEntryItem(
    long Index,
    JsonElement Entry);
