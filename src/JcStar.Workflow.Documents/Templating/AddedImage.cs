namespace JcStar.Workflow.Documents.Templating;

/// <param name="Part">The part whose relationships point at the image.</param>
/// <param name="EntryName">Zip entry of the image.</param>
/// <param name="Target">Relationship target, relative to the part's folder.</param>
internal sealed record AddedImage(string Part, string RelationshipId, string EntryName, string Target, ImageValue Image);
