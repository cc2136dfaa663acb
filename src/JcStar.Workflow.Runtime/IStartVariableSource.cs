using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime;

/// <summary>
/// Completes the variables a new instance starts with (settings every case needs, such as deadlines),
/// so every host starts cases alike. The caller's variables win over what a source adds.
/// </summary>
public interface IStartVariableSource
{
    ImmutableDictionary<string, JsonElement> Complete(string processId, ImmutableDictionary<string, JsonElement> given);
}
