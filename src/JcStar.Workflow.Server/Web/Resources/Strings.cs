namespace JcStar.Workflow.Server.Web.Resources;

/// <summary>The pages' texts: Strings.resx (Japanese, the default) and Strings.en.resx (English).</summary>
public sealed class Strings;
