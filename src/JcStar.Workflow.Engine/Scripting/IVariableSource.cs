using System.Text.Json;

namespace JcStar.Workflow.Engine.Scripting;

/// <summary>The variables an expression sees, looked up by name (inner scopes shadow outer ones).</summary>
public interface IVariableSource
{
    bool TryGet(string name, out JsonElement value);
}
