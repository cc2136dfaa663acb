namespace JcStar.Workflow.Bpmn;

/// <summary>The namespace URIs the reader and writer know by meaning.</summary>
public static class BpmnNamespaces
{
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public const string Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public const string Di = "http://www.omg.org/spec/DD/20100524/DI";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    /// <summary>Our extension namespace, prefix <c>jc</c>; see Extensions/jcstar.moddle.json.</summary>
    public const string JcStar = "urn:jcstar:workflow:bpmn:1.0";
    public const string JcStarPrefix = "jc";
    public const string Camunda = "http://camunda.org/schema/1.0/bpmn";
    public const string Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>Camunda 7's namespace before the Camunda fork, still written by old modelers.</summary>
    public const string Activiti = "http://activiti.org/bpmn";

    /// <summary>Extension vocabularies whose elements may stand alone as a fragment file.</summary>
    public static bool IsKnownExtension(string uri) => uri is JcStar or Camunda or Zeebe or Activiti;

    /// <summary>True for the four namespaces the OMG schemas define, which the reader checks strictly.</summary>
    public static bool IsSchemaNamespace(string uri) => uri is Model or BpmnDi or Dc or Di;
}
