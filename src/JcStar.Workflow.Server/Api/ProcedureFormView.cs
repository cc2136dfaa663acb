using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// A form as the modeler opens it for editing: the schema the procedure's current version has (<c>version</c>), or
/// the file's for a version published before forms were stored with versions (<c>file</c>).
/// </summary>
public sealed record ProcedureFormView(string FormKey, string Origin, JsonElement Schema);
