namespace JcStar.Workflow.Server.Web.Portal;

/// <param name="Id">The stored file's name inside the draft's folder (random, never the name the applicant gave).</param>
/// <param name="Name">The file name as given, made safe (Japanese kept).</param>
public sealed record DraftFile(string Id, string Name, long Size);
