using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace JcStar.Workflow.Architecture.Tests;

/// <summary>
/// The directions of the house (STYLE.md): the core (Bpmn, Engine, Runtime) at the centre, the scheme on the
/// runtime, adapters on the core's ports, hosts on the outside. Read from the project files (what each project
/// declares it uses) and from the built assemblies (what their public types show to others).
/// </summary>
public sealed partial class DirectionTests
{
    private const string Prefix = "JcStar.Workflow.";

    private static readonly string[] Hosts = ["JcStar.Workflow.Server", "JcStar.Workflow.Cli"];

    private static readonly string[] Core = ["JcStar.Workflow.Bpmn", "JcStar.Workflow.Engine", "JcStar.Workflow.Runtime"];

    /// <summary>
    /// Libraries the hosts share that put the core, the scheme and some adapters together (the simulation: the runtime on
    /// in-memory stores with the real letter and mail adapters). Like a host they may know several adapters; unlike one,
    /// hosts use them. SimulationDependencyTests keeps the simulation away from every database and background server.
    /// </summary>
    private static readonly string[] Compositions = ["JcStar.Workflow.Simulation"];

    /// <summary>
    /// Each adapter and the projects that make it up. The database adapter is split by what it stores (workflow,
    /// scheme, user register) and by provider; the provider projects hold the migrations of all three, so they know them.
    /// </summary>
    private static readonly Dictionary<string, string[]> Adapters = new(StringComparer.Ordinal)
    {
        ["database"] =
        [
            "JcStar.Workflow.Persistence", "JcStar.Workflow.Persistence.Sqlite", "JcStar.Workflow.Persistence.PostgreSql",
            "JcStar.Workflow.Persistence.SqlServer", "JcStar.Workflow.Scheme.Persistence", "JcStar.Workflow.Identity",
        ],
        ["hangfire"] = ["JcStar.Workflow.Hangfire"],
        ["documents"] = ["JcStar.Workflow.Documents"],
        ["mail"] = ["JcStar.Workflow.Mail"],
    };

    /// <summary>The scheme's own adapter projects: they alone may use the scheme.</summary>
    private static readonly string[] SchemeAdapters = ["JcStar.Workflow.Scheme.Persistence"];

    /// <summary>The projects shared by every database: they name no provider.</summary>
    private static readonly string[] SharedPersistence = ["JcStar.Workflow.Persistence", "JcStar.Workflow.Scheme.Persistence"];

    /// <summary>Third-party namespaces and the adapter that alone may show their types.</summary>
    private static readonly (string Namespace, string Adapter)[] ThirdParty =
    [
        ("Microsoft.EntityFrameworkCore", "database"),
        ("MimeKit", "mail"),
        ("MailKit", "mail"),
        ("DocumentFormat.OpenXml", "documents"),
        ("Hangfire", "hangfire"),
    ];

    public static TheoryData<string> Projects => [.. ProjectFiles().Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> Libraries => [.. ProjectFiles().Keys.Where(p => !Hosts.Contains(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_project_depends_on_a_host(string project)
    {
        Assert.Empty(References(project).Intersect(Hosts));
    }

    [Fact]
    public void Every_project_is_placed_in_the_house()
    {
        var placed = Hosts.Concat(Core).Concat(Compositions).Append("JcStar.Workflow.Scheme").Concat(Adapters.Values.SelectMany(a => a)).ToHashSet(StringComparer.Ordinal);
        Assert.All(ProjectFiles().Keys, p => Assert.Contains(p, placed));
    }

    [Theory]
    [MemberData(nameof(AdapterProjects))]
    public void An_adapter_knows_the_core_and_its_own_parts_but_no_other_adapter(string project)
    {
        Assert.Empty(Forbidden(project, References(project)));
    }

    public static TheoryData<string> AdapterProjects => [.. Adapters.Values.SelectMany(a => a).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_scheme_knows_the_runtime_and_no_adapter()
    {
        Assert.Empty(References("JcStar.Workflow.Scheme").Except(Core));
    }

    [Fact]
    public void Persistence_does_not_know_the_scheme()
    {
        Assert.DoesNotContain(References("JcStar.Workflow.Persistence"), r => r.StartsWith("JcStar.Workflow.Scheme", StringComparison.Ordinal));
        var assembly = Assembly.Load("JcStar.Workflow.Persistence");
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("JcStar.Workflow.Scheme", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void No_third_party_type_appears_in_a_public_signature_outside_its_adapter(string project)
    {
        Assert.Empty(ForeignTypesShown(Assembly.Load(project)));
    }

    [Theory]
    [MemberData(nameof(SharedPersistenceProjects))]
    public void A_shared_persistence_project_names_no_database_provider(string project)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var offenders = SourceLines(folder)
            .Where(l => ProviderName().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(folder, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
        Assert.DoesNotContain(Assembly.Load(project).GetReferencedAssemblies(), a => ProviderAssembly().IsMatch(a.Name!));
    }

    public static TheoryData<string> SharedPersistenceProjects => [.. SharedPersistence];

    [Fact]
    public void The_checks_notice_a_violation()
    {
        // A provider's name compared in shared code, in any of its forms.
        Assert.Matches(ProviderName(), "if (db.Database.ProviderName == Names.Sqlite)");
        Assert.Matches(ProviderName(), "var pg = \"Npgsql.EntityFrameworkCore.PostgreSQL\";");
        Assert.Matches(ProviderName(), "case \"Microsoft.EntityFrameworkCore.SqlServer\":");
        Assert.Matches(ProviderName(), "if (db.Database.IsSqlite())");
        Assert.DoesNotMatch(ProviderName(), "var nullsLast = db.Dialect.SortsNullsLast;");
        Assert.Matches(ProviderAssembly(), "Npgsql.EntityFrameworkCore.PostgreSQL");
        Assert.Matches(ProviderAssembly(), "Microsoft.Data.Sqlite");

        // An adapter reaching for another adapter or a host.
        Assert.Equal(["JcStar.Workflow.Mail"], Forbidden("JcStar.Workflow.Documents", ["JcStar.Workflow.Runtime", "JcStar.Workflow.Mail"]));
        Assert.Equal(["JcStar.Workflow.Scheme"], Forbidden("JcStar.Workflow.Persistence", ["JcStar.Workflow.Scheme"]));
        Assert.Empty(Forbidden("JcStar.Workflow.Persistence.Sqlite", ["JcStar.Workflow.Persistence", "JcStar.Workflow.Scheme.Persistence"]));

        // A DbContext, a MimeMessage or a job client shown by a type outside its adapter.
        Assert.Contains(ForeignTypesShownBy(typeof(ILeakingPort), "JcStar.Workflow.Runtime"), f => f.Contains("WorkflowDbContext", StringComparison.Ordinal));
        Assert.Contains(ForeignTypesShownBy(typeof(ILeakingPort), "JcStar.Workflow.Runtime"), f => f.Contains("MimeMessage", StringComparison.Ordinal));
        Assert.Contains(ForeignTypesShownBy(typeof(ILeakingPort), "JcStar.Workflow.Runtime"), f => f.Contains("IBackgroundJobClient", StringComparison.Ordinal));
        Assert.DoesNotContain(ForeignTypesShownBy(typeof(ILeakingPort), "JcStar.Workflow.Persistence"), f => f.Contains("WorkflowDbContext", StringComparison.Ordinal));
    }

    /// <summary>What a project may reference: the core, and for an adapter its own parts (the scheme's adapters also the scheme).</summary>
    private static List<string> Forbidden(string project, IEnumerable<string> references)
    {
        var own = Adapters.Values.FirstOrDefault(a => a.Contains(project)) ?? [];
        var allowed = Core.Concat(own).Concat(SchemeAdapters.Contains(project) ? ["JcStar.Workflow.Scheme"] : []).ToHashSet(StringComparer.Ordinal);
        return [.. references.Where(r => !allowed.Contains(r))];
    }

    private static List<string> ForeignTypesShown(Assembly assembly) =>
        [.. assembly.GetExportedTypes().SelectMany(t => ForeignTypesShownBy(t, assembly.GetName().Name!))];

    /// <summary>Third-party types (and types that derive from them, such as a DbContext) in <paramref name="type"/>'s public surface, unless <paramref name="project"/> is their adapter.</summary>
    private static IEnumerable<string> ForeignTypesShownBy(Type type, string project)
    {
        var adapter = Adapters.FirstOrDefault(a => a.Value.Contains(project)).Key;
        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var shown = new List<(string Where, Type Type)>();
        if (type.BaseType is { } baseType)
            shown.Add(("base type", baseType));
        shown.AddRange(type.GetInterfaces().Select(i => ("interface", i)));
        foreach (var member in type.GetMembers(visible | BindingFlags.NonPublic))
        {
            switch (member)
            {
                case MethodBase { IsPublic: true } or MethodBase { IsFamily: true } or MethodBase { IsFamilyOrAssembly: true }:
                    var method = (MethodBase)member;
                    if (method is MethodInfo info)
                        shown.Add(($"{method.Name} returns", info.ReturnType));
                    shown.AddRange(method.GetParameters().Select(p => ($"{method.Name}({p.Name})", p.ParameterType)));
                    break;
                case FieldInfo { IsPublic: true } or FieldInfo { IsFamily: true } or FieldInfo { IsFamilyOrAssembly: true }:
                    shown.Add((member.Name, ((FieldInfo)member).FieldType));
                    break;
            }
        }
        foreach (var (where, shownType) in shown)
        {
            foreach (var part in Parts(shownType))
            {
                var owner = ThirdParty.FirstOrDefault(t => Lineage(part).Any(l => l.Namespace is { } ns && (ns == t.Namespace || ns.StartsWith(t.Namespace + ".", StringComparison.Ordinal))));
                if (owner.Adapter is not null && owner.Adapter != adapter)
                    yield return $"{type.FullName} {where}: {part.FullName} belongs to the {owner.Adapter} adapter";
            }
        }
    }

    /// <summary>A type and the types it is made of (generic arguments, elements).</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var part in Parts(type.GetElementType()!))
                yield return part;
            yield break;
        }
        if (type.IsGenericParameter)
            yield break;
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var part in type.GetGenericArguments().SelectMany(Parts))
                yield return part;
        }
    }

    /// <summary>A type and its base types: a context deriving from DbContext is EF's as much as DbContext is.</summary>
    private static IEnumerable<Type> Lineage(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            yield return t;
    }

    private static Dictionary<string, string> ProjectFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);

    /// <summary>The JcStar projects <paramref name="project"/> references directly.</summary>
    private static List<string> References(string project) =>
        [.. XDocument.Load(ProjectFiles()[project]).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))];

    private static IEnumerable<(string File, int Line, string Text)> SourceLines(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal));

    /// <summary>Asking which database this is: the provider's name, as a string or through EF's provider checks.</summary>
    [GeneratedRegex(@"\bProviderName\b|""(Microsoft\.EntityFrameworkCore\.(Sqlite|SqlServer|InMemory)|Npgsql[\w.]*)""|\.Is(Sqlite|Npgsql|SqlServer)\(")]
    private static partial Regex ProviderName();

    [GeneratedRegex(@"^(Microsoft\.EntityFrameworkCore\.(Sqlite|SqlServer)|Npgsql|Microsoft\.Data\.(Sqlite|SqlClient))")]
    private static partial Regex ProviderAssembly();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JcStar.Workflow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("JcStar.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
