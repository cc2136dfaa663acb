using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// A draft to publish as the procedure's next version, with what the publisher says about it, and the forms edited with
/// it (form key to form-js schema), stored with the new version; the forms it names and did not edit keep the current version's.
/// </summary>
public sealed record PublishRequest(string? Xml, string? Note, Dictionary<string, JsonElement>? Forms = null);
