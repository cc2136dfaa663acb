using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Maintenance;

/// <summary>
/// What a registrant declares about a successor product (JSS-01 3.4). The conditions themselves are
/// in JSM-02, which is not public; the ones checked here are assumed and stated in <see cref="SuccessorConditions"/>.
/// </summary>
public sealed record SuccessorDeclaration(
    string ProductName,
    ImmutableArray<string> ModelNumbers,
    string Differences,
    bool SameSupplier,
    bool SecurityFunctionsChanged,
    bool HardwarePlatformChanged);
