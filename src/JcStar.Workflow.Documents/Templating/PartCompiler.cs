using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static JcStar.Workflow.Documents.Templating.WordXml;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>
/// Compiles one XML part (document, header, footer, footnotes…) into literal XML and tag nodes.
/// Word splits what the author typed into many runs (formatting, spell-check marks, bookmarks), so
/// each tag is first gathered into the run where it starts; then block tags are moved to the level
/// they govern: inline runs, whole table rows, or whole paragraphs.
/// </summary>
internal sealed partial class PartCompiler(TagParser tagParser)
{
    private const string MarkerTarget = "jcstar";

    [GeneratedRegex(@"<\?jcstar (\d+)\?>")]
    private static partial Regex MarkerPattern();

    public CompiledPart? Compile(string partName, byte[] xml, List<TemplateError> errors, List<TemplateTag> tagList)
    {
        var text = Encoding.UTF8.GetString(xml);
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal) && !HasSplitOpener(text)
            && !text.Contains("}}", StringComparison.Ordinal) && !text.Contains("%}", StringComparison.Ordinal))
            return null;

        var document = Load(xml);
        var root = document.Root!;
        var tags = new List<CompiledTag>();
        var errorCount = errors.Count;
        foreach (var paragraph in root.Descendants(P).ToList())
            ScanParagraph(partName, paragraph, tags, errors);
        if (tags.Count == 0)
            return null;

        foreach (var tag in tags)
            tagList.Add(new TemplateTag(tag.Part, tag.Paragraph, tag.Text));

        var blocks = Pair(tags, errors);
        if (errors.Count > errorCount)
            return null;
        Place(blocks, tags, errors);
        if (errors.Count > errorCount)
            return null;

        var prefix = root.GetPrefixOfNamespace(W) is { Length: > 0 } p ? p + ":" : "";
        var serialized = (document.Declaration?.ToString() ?? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            + "\r\n" + root.ToString(SaveOptions.DisableFormatting);
        var nodes = BuildTree(partName, serialized, tags, errors);
        return errors.Count > errorCount ? null : new CompiledPart(partName, prefix, nodes);
    }

    /// <summary>A "{" and a "{" or "%" in neighbouring runs would not show as "{{" in the raw XML.</summary>
    private static bool HasSplitOpener(string xml) => xml.Contains("{</w:t>", StringComparison.Ordinal);

    private void ScanParagraph(string part, XElement paragraph, List<CompiledTag> tags, List<TemplateError> errors)
    {
        var texts = paragraph.Descendants(T).Where(t => t.Ancestors(P).First() == paragraph && t.Parent?.Name == R).ToList();
        if (texts.Count == 0)
            return;
        var full = string.Concat(texts.Select(t => t.Value));
        if (full.IndexOf('{') < 0 && full.IndexOf('}') < 0)
            return;
        var shown = Shorten(full);
        var spans = FindTags(full, part, shown, errors);
        if (spans.Count == 0)
            return;

        // Gather each tag into the w:t where it starts; the following pieces lose those characters.
        var owner = new int[full.Length];
        var starts = new int[texts.Count];
        for (int i = 0, offset = 0; i < texts.Count; offset += texts[i].Value.Length, i++)
        {
            starts[i] = offset;
            for (var c = 0; c < texts[i].Value.Length; c++)
                owner[offset + c] = i;
        }
        foreach (var (start, end) in spans)
            for (var c = start; c < end; c++)
                owner[c] = owner[start];
        var rebuilt = new StringBuilder[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            rebuilt[i] = new StringBuilder();
        for (var c = 0; c < full.Length; c++)
            rebuilt[owner[c]].Append(full[c]);
        for (var i = 0; i < texts.Count; i++)
        {
            var value = rebuilt[i].ToString();
            if (value != texts[i].Value)
            {
                texts[i].Value = value;
                texts[i].SetAttributeValue(Space, "preserve");
            }
        }

        foreach (var run in texts.Where(t => IndexOfOpener(t.Value, 0) >= 0).Select(t => t.Parent!).Distinct().ToList())
            SplitRun(part, paragraph, shown, run, tags, errors);
    }

    private static List<(int Start, int End)> FindTags(string full, string part, string shown, List<TemplateError> errors)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < full.Length - 1)
        {
            var open = IndexOfOpener(full, i);
            var strayEnd = IndexOfCloser(full, i, open < 0 ? full.Length : open);
            if (strayEnd >= 0)
            {
                errors.Add(new TemplateError(part, shown, full.Substring(strayEnd, 2), "a closing mark without its opening '{{' or '{%'"));
                return [];
            }
            if (open < 0)
                break;
            var closer = full[open + 1] == '{' ? "}}" : "%}";
            var close = full.IndexOf(closer, open + 2, StringComparison.Ordinal);
            var nextOpen = IndexOfOpener(full, open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                var fragment = full[open..(nextOpen >= 0 ? nextOpen : Math.Min(full.Length, open + 40))];
                errors.Add(new TemplateError(part, shown, fragment, $"the tag is not closed with '{closer}'"));
                return [];
            }
            spans.Add((open, close + 2));
            i = close + 2;
        }
        return spans;
    }

    private static int IndexOfOpener(string s, int from)
    {
        for (var i = from; i < s.Length - 1; i++)
            if (s[i] == '{' && (s[i + 1] == '{' || s[i + 1] == '%'))
                return i;
        return -1;
    }

    private static int IndexOfCloser(string s, int from, int until)
    {
        for (var i = from; i < until - 1 && i < s.Length - 1; i++)
            if ((s[i] == '}' && s[i + 1] == '}') || (s[i] == '%' && s[i + 1] == '}'))
                return i;
        return -1;
    }

    /// <summary>Replaces a run holding tags by runs of its plain text and, per tag, a run of the same formatting around a marker.</summary>
    private void SplitRun(string part, XElement paragraph, string shown, XElement run, List<CompiledTag> tags, List<TemplateError> errors)
    {
        var rPr = run.Element(RPr);
        var result = new List<object>();
        var pending = new List<XNode>();
        void Flush()
        {
            if (pending.Count == 0)
                return;
            result.Add(new XElement(run.Name, run.Attributes(), rPr is null ? null : new XElement(rPr), pending));
            pending = [];
        }

        foreach (var child in run.Nodes().ToList())
        {
            if (child == rPr)
                continue;
            if (child is not XElement { Name: var name } t || name != T || IndexOfOpener(t.Value, 0) < 0)
            {
                pending.Add(child);
                continue;
            }
            var value = t.Value;
            var position = 0;
            foreach (var (start, end) in FindTags(value, part, shown, errors))
            {
                if (start > position)
                    pending.Add(new XElement(T, new XAttribute(Space, "preserve"), value[position..start]));
                Flush();
                var tagText = value[start..end];
                var marker = new XProcessingInstruction(MarkerTarget, tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var (kind, error) = tagParser.Parse(tagText, out var expression, out var loop);
                var tag = new CompiledTag
                {
                    Index = tags.Count,
                    Kind = kind,
                    Text = tagText,
                    Part = part,
                    Paragraph = shown,
                    ParagraphElement = paragraph,
                    Marker = marker,
                    Expression = expression,
                    Loop = loop,
                };
                if (error is not null)
                    errors.Add(tag.Error(error));
                tags.Add(tag);
                // A value keeps the formatting of the run it was typed in: the marker sits inside a copy of that run.
                result.Add(kind == TagKind.Output
                    ? new XElement(run.Name, rPr is null ? null : new XElement(rPr), marker)
                    : marker);
                position = end;
            }
            if (position < value.Length)
                pending.Add(new XElement(T, new XAttribute(Space, "preserve"), value[position..]));
        }
        Flush();
        run.ReplaceWith(result);
    }

    private static List<TagBlock> Pair(List<CompiledTag> tags, List<TemplateError> errors)
    {
        var blocks = new List<TagBlock>();
        var open = new Stack<TagBlock>();
        foreach (var tag in tags)
        {
            switch (tag.Kind)
            {
                case TagKind.If or TagKind.Unless or TagKind.For:
                    var block = new TagBlock(tag);
                    blocks.Add(block);
                    open.Push(block);
                    break;
                case TagKind.Elsif or TagKind.Else:
                    if (open.Count == 0 || open.Peek().Open.Kind == TagKind.For || (tag.Kind == TagKind.Elsif && open.Peek().Open.Kind != TagKind.If))
                        errors.Add(tag.Error($"'{tag.Text}' is not inside an {{% if %}}{(tag.Kind == TagKind.Else ? " or {% unless %}" : "")}"));
                    else if (open.Peek().Middles.Any(m => m.Kind == TagKind.Else))
                        errors.Add(tag.Error("this comes after the {% else %} of the same block"));
                    else
                    {
                        open.Peek().Middles.Add(tag);
                        tag.Partner = open.Peek().Open;
                    }
                    break;
                case TagKind.EndIf or TagKind.EndUnless or TagKind.EndFor:
                    var expected = tag.Kind switch { TagKind.EndIf => TagKind.If, TagKind.EndUnless => TagKind.Unless, _ => TagKind.For };
                    if (open.Count == 0)
                        errors.Add(tag.Error("there is no opening tag for this end tag"));
                    else if (open.Peek().Open.Kind != expected)
                        errors.Add(tag.Error($"this closes '{open.Peek().Open.Text}' (in {open.Peek().Open.Part}, paragraph \"{open.Peek().Open.Paragraph}\"), which needs its own end tag first"));
                    else
                    {
                        var closed = open.Pop();
                        closed.Close = tag;
                        closed.Open.Partner = tag;
                        tag.Partner = closed.Open;
                    }
                    break;
            }
        }
        foreach (var block in open)
        {
            var end = block.Open.Kind switch { TagKind.If => "{% endif %}", TagKind.Unless => "{% endunless %}", _ => "{% endfor %}" };
            errors.Add(block.Open.Error($"this tag is never closed: {end} is missing"));
        }
        return blocks;
    }

    private static void Place(List<TagBlock> blocks, List<CompiledTag> tags, List<TemplateError> errors)
    {
        var standalone = new HashSet<XElement>();
        var rowOpens = new List<(XElement Row, CompiledTag Tag)>();
        var rowCloses = new List<(XElement Row, CompiledTag Tag)>();
        var tagRows = new List<(XElement Row, CompiledTag Tag)>();
        var inline = new HashSet<CompiledTag>();
        foreach (var block in blocks)
        {
            var all = block.All.ToList();
            if (all.All(t => t.ParagraphElement == block.Open.ParagraphElement))
            {
                inline.UnionWith(all);
                continue;
            }
            var close = block.Close!;
            var common = CommonAncestor(block.Open.ParagraphElement, close.ParagraphElement);
            if (common is not null && (common.Name == Tr || common.Name == Tbl))
            {
                // Rows governed by a block: a row holding nothing but one of its tags disappears and leaves the
                // tag between the rows; an {% elsif %}/{% else %} must stand alone in such a row, which splits the rows into branches.
                var openRow = RowUnder(common, block.Open.ParagraphElement);
                var closeRow = RowUnder(common, close.ParagraphElement);
                foreach (var middle in block.Middles)
                {
                    var row = RowUnder(common, middle.ParagraphElement);
                    if (common.Name == Tr || row == openRow || row == closeRow || !IsTagOnlyRow(row, middle, tags))
                        errors.Add(middle.Error($"in a block that keeps or drops whole table rows, '{middle.Text}' must stand alone in a table row of its own (its other cells empty), between the rows of '{block.Open.Text}' and '{close.Text}'"));
                    else
                        tagRows.Add((row, middle));
                }
                if (common.Name == Tbl && IsTagOnlyRow(openRow, block.Open, tags))
                    tagRows.Add((openRow, block.Open));
                else
                    rowOpens.Add((openRow, block.Open));
                if (common.Name == Tbl && IsTagOnlyRow(closeRow, close, tags))
                    tagRows.Add((closeRow, close));
                else
                    rowCloses.Add((closeRow, close));
                continue;
            }
            foreach (var tag in all)
                standalone.Add(tag.ParagraphElement);
        }

        foreach (var paragraph in standalone.OrderByDescending(p => tags.First(t => t.ParagraphElement == p).Index))
        {
            var inside = tags.Where(t => t.ParagraphElement == paragraph).ToList();
            var leftover = string.Concat(paragraph.Descendants(T).Where(t => t.Ancestors(P).First() == paragraph).Select(t => t.Value)).Trim();
            var offending = inside.FirstOrDefault(t => t.Kind == TagKind.Output || inline.Contains(t));
            if (leftover.Length > 0 || offending is not null || paragraph.Descendants().Any(e => e.Name == Drawing || e.Name == Pict || e.Name == EmbeddedObject))
            {
                var tag = offending ?? inside.First(t => !inline.Contains(t));
                errors.Add(tag.Error("a tag whose partner is in another paragraph must stand alone in its paragraph (or sit in cells of one table row to repeat the row)"));
                continue;
            }
            foreach (var tag in inside)
                tag.Marker.Remove();
            var parent = paragraph.Parent!;
            var needsParagraph = parent.Name != Body && !paragraph.ElementsAfterSelf().Any(e => e.Name == P || e.Name == Tbl);
            paragraph.ReplaceWith(inside.Select(t => (object)t.Marker).Append(needsParagraph ? new XElement(P) : null));
        }

        foreach (var (row, tag) in rowOpens.OrderBy(r => r.Tag.Index))
        {
            tag.Marker.Remove();
            row.AddBeforeSelf(tag.Marker);
        }
        // Closing markers go right after the row, innermost last, so nested row blocks stay nested.
        foreach (var (row, tag) in rowCloses.OrderByDescending(r => r.Tag.Index))
        {
            tag.Marker.Remove();
            row.AddAfterSelf(tag.Marker);
        }
        // A row holding only its tag gives way to the tag; markers placed before or after its neighbours keep their order.
        foreach (var (row, tag) in tagRows)
        {
            tag.Marker.Remove();
            row.ReplaceWith(tag.Marker);
        }

        foreach (var block in blocks)
        {
            var parents = block.All.Select(t => t.Marker.Parent).Distinct().Count();
            if (parents > 1 && errors.Count == 0)
                errors.Add(block.Open.Error($"this tag and its '{block.Close?.Text}' are not at the same level: put both in one paragraph, both in cells of one table row (repeats the row), or each alone in its own paragraph side by side"));
        }
    }

    private static XElement? CommonAncestor(XElement a, XElement b)
    {
        var ancestors = a.AncestorsAndSelf().ToHashSet();
        return b.AncestorsAndSelf().FirstOrDefault(ancestors.Contains);
    }

    /// <summary>True when the row shows nothing but <paramref name="tag"/>: no other tag, no text, no picture in any of its cells.</summary>
    private static bool IsTagOnlyRow(XElement row, CompiledTag tag, List<CompiledTag> tags)
    {
        if (!tag.ParagraphElement.Ancestors(Tr).Contains(row))
            return false;
        if (tags.Any(t => t != tag && t.ParagraphElement.Ancestors(Tr).Contains(row)))
            return false;
        if (row.Descendants().Any(e => e.Name == Drawing || e.Name == Pict || e.Name == EmbeddedObject))
            return false;
        return string.Concat(row.Descendants(T).Select(t => t.Value)).Trim().Length == 0;
    }

    private static XElement RowUnder(XElement common, XElement paragraph) =>
        common.Name == Tr ? common : paragraph.Ancestors(Tr).First(r => r.Parent == common);

    private static List<TemplateNode> BuildTree(string part, string serialized, List<CompiledTag> tags, List<TemplateError> errors)
    {
        var root = new List<TemplateNode>();
        var frames = new Stack<Frame>();
        var current = root;
        var position = 0;
        foreach (Match match in MarkerPattern().Matches(serialized))
        {
            if (match.Index > position)
                current.Add(new LiteralNode(serialized[position..match.Index]));
            position = match.Index + match.Length;
            var tag = tags[int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)];
            switch (tag.Kind)
            {
                case TagKind.Output:
                    current.Add(new OutputNode(tag));
                    break;
                case TagKind.If or TagKind.Unless or TagKind.For:
                    frames.Push(new Frame(tag, current));
                    current = frames.Peek().Body;
                    break;
                case TagKind.Elsif or TagKind.Else:
                    var frame = frames.Peek();
                    frame.StartBranch(tag);
                    current = frame.Body;
                    break;
                default:
                    var done = frames.Pop();
                    if (done.Open != tag.Partner)
                    {
                        errors.Add(tag.Error($"tags cross each other in {part}: '{done.Open.Text}' and '{tag.Text}'"));
                        return root;
                    }
                    current = done.Parent;
                    current.Add(done.ToNode());
                    break;
            }
        }
        if (position < serialized.Length)
            current.Add(new LiteralNode(serialized[position..]));
        return root;
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace('\n', ' ').Trim();
        return flat.Length <= 80 ? flat : flat[..77] + "...";
    }

    /// <summary>An open block while the tree is built.</summary>
    private sealed class Frame(CompiledTag open, List<TemplateNode> parent)
    {
        private readonly List<ConditionBranch> _branches = [];
        private CompiledTag _branchTag = open;
        private bool _inElse;

        public CompiledTag Open { get; } = open;
        public List<TemplateNode> Parent { get; } = parent;
        public List<TemplateNode> Body { get; private set; } = [];

        public void StartBranch(CompiledTag tag)
        {
            CloseBranch();
            _branchTag = tag;
            _inElse = tag.Kind == TagKind.Else;
            Body = [];
        }

        private void CloseBranch()
        {
            if (!_inElse)
                _branches.Add(new ConditionBranch(_branchTag, _branchTag.Expression!, _branchTag.Kind == TagKind.Unless, Body));
        }

        public TemplateNode ToNode()
        {
            if (Open.Kind == TagKind.For)
                return new LoopNode(Open, Body);
            var otherwise = _inElse ? Body : [];
            if (!_inElse)
                CloseBranch();
            return new ConditionNode(_branches, otherwise);
        }
    }
}
