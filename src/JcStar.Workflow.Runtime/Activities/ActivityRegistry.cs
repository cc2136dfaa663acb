namespace JcStar.Workflow.Runtime.Activities;

/// <summary>The registered handlers by name; two handlers with one name is a startup error, not a coin toss.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivityHandler> _byName = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<IActivityHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_byName.TryAdd(handler.Name, handler))
                throw new InvalidOperationException($"two activity handlers are registered as '{handler.Name}': {_byName[handler.Name].GetType()} and {handler.GetType()}");
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IActivityHandler? Find(string name) => _byName.GetValueOrDefault(name);
}
