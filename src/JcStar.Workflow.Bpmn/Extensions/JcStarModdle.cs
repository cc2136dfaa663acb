using System.Reflection;

namespace JcStar.Workflow.Bpmn.Extensions;

/// <summary>The bpmn-js moddle descriptor of the jc namespace, so a modeler can read and write our attributes.</summary>
public static class JcStarModdle
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("JcStar.Workflow.Bpmn.jcstar.moddle.json")
            ?? throw new InvalidOperationException("jcstar.moddle.json is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The descriptor's JSON, as given to bpmn-js in <c>moddleExtensions: { jc: … }</c>.</summary>
    public static string Descriptor => Text.Value;
}
