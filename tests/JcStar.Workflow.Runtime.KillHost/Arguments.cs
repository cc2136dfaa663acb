namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>"--name value" pairs.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var parsed = new Arguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (name is null)
            {
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException($"expected --name, got '{arg}'");
                name = arg[2..];
            }
            else
            {
                parsed._values[name] = arg;
                name = null;
            }
        }
        if (name is not null)
            throw new ArgumentException($"--{name} has no value");
        return parsed;
    }

    public string this[string name] => _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
}
