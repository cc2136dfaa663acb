namespace JcStar.Workflow.Documents.Templating;

/// <summary>What one render adds to the package besides the parts: images, their relationships and drawing ids.</summary>
internal sealed class RenderSession
{
    // Drawing ids must be unique in the document; template drawings use small numbers.
    private int _nextDrawingId = 50000;

    public List<AddedImage> Images { get; } = [];

    public (string RelationshipId, int DrawingId) AddImage(string part, ImageValue image)
    {
        var number = Images.Count + 1;
        var folder = part.Contains('/') ? part[..part.LastIndexOf('/')] : "";
        var fileName = $"jcstar-image{number}.{image.Extension}";
        var added = new AddedImage(part, $"rIdJcStarImage{number}", (folder.Length > 0 ? folder + "/" : "") + "media/" + fileName, "media/" + fileName, image);
        Images.Add(added);
        return (added.RelationshipId, ++_nextDrawingId);
    }
}
