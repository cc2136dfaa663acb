using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JcStar.Workflow.Runtime.Mail;

namespace JcStar.Workflow.Mail;

/// <summary>
/// A durable outbox in one append-only JSON-lines file: every change appends the message's whole new
/// state and is flushed to disk before the call returns; opening the file replays it, last line per id
/// wins. Enough for a single process (the CLI, a demo server, the crash tests); the server's real
/// store is the EF Core one. The file is held exclusively, so a second process cannot write it too.
/// </summary>
public sealed class JournalOutbox : IOutbox, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, OutboxMessage> _byId = [];
    private readonly Dictionary<string, Guid> _idByKey = new(StringComparer.Ordinal);
    private readonly FileStream _journal;

    public JournalOutbox(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _journal = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        Replay();
        _journal.Seek(0, SeekOrigin.End);
    }

    public Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_idByKey.TryGetValue(message.IdempotencyKey, out var existing))
                return Task.FromResult(_byId[existing]);
            Append([message]);
            return Task.FromResult(message);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var claimed = _byId.Values
                .Where(m => m.IsDue(now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
                .Take(batchSize)
                .Select(m => m.Claimed(now, lease, Guid.NewGuid()))
                .ToList();
            if (claimed.Count > 0)
                Append(claimed);
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var message = _byId[id];
            if (message.Status != OutboxStatus.Sent)
                Append([message.Delivered(sentAt)]);
            return Task.CompletedTask;
        }
    }

    public Task<bool> MarkAttemptFailedAsync(Guid id, Guid leaseToken, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Task.FromResult(ApplyIfHeld(id, leaseToken, m => m.AttemptFailed(nextAttemptAt, error)));

    public Task<bool> MarkFailedPermanentlyAsync(Guid id, Guid leaseToken, string error, CancellationToken cancellationToken) =>
        Task.FromResult(ApplyIfHeld(id, leaseToken, m => m.FailedPermanently(error)));

    public Task<bool> RetryAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var message) || message.Status != OutboxStatus.Failed)
                return Task.FromResult(false);
            Append([message.Requeued(now)]);
            return Task.FromResult(true);
        }
    }

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_byId.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<OutboxMessage>> ListByInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> log = _byId.Values
                .Where(m => m.InstanceId == instanceId)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.IdempotencyKey, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(log);
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _journal.Dispose();
    }

    private bool ApplyIfHeld(Guid id, Guid leaseToken, Func<OutboxMessage, OutboxMessage> transition)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var message) || !message.IsHeldBy(leaseToken))
                return false;
            Append([transition(message)]);
            return true;
        }
    }

    /// <summary>Disk first, then memory: a change this process acted on is never one the next process cannot see.</summary>
    private void Append(IReadOnlyList<OutboxMessage> changed)
    {
        var text = new StringBuilder();
        foreach (var message in changed)
            text.Append(JsonSerializer.Serialize(message, Json)).Append('\n');
        _journal.Write(Encoding.UTF8.GetBytes(text.ToString()));
        _journal.Flush(flushToDisk: true);
        foreach (var message in changed)
            Remember(message);
    }

    private void Remember(OutboxMessage message)
    {
        _byId[message.Id] = message;
        _idByKey[message.IdempotencyKey] = message.Id;
    }

    private void Replay()
    {
        var bytes = new byte[_journal.Length];
        _journal.ReadExactly(bytes);
        var complete = bytes.AsSpan(0, bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
        foreach (var line in Encoding.UTF8.GetString(complete).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Remember(JsonSerializer.Deserialize<OutboxMessage>(line, Json)!);
        // Bytes after the last newline are a write a crash interrupted; its caller never saw it succeed.
        if (complete.Length < bytes.Length)
            _journal.SetLength(complete.Length);
    }
}
