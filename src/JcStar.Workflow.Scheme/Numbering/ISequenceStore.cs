namespace JcStar.Workflow.Scheme.Numbering;

/// <summary>Gap-free counters by name (e.g. "application/2026", "registration/Star1/2026"); Next is atomic.</summary>
public interface ISequenceStore
{
    long Next(string sequence);
}
