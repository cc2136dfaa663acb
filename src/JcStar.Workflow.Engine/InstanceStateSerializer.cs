namespace JcStar.Workflow.Engine;

/// <summary>Instance state to JSON and back; a restored state continues exactly as the original would have.</summary>
public static class InstanceStateSerializer
{
    public static string Serialize(InstanceState state) => throw new NotImplementedException("interpreter: being built");
    public static InstanceState Deserialize(string json) => throw new NotImplementedException("interpreter: being built");
}
