using System.Data.Common;
using System.Diagnostics;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Waits on a condition read from the database while child processes work.</summary>
public static class Poll
{
    /// <summary>Only against a hang: work that has not finished in this long has stopped.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    /// <summary>
    /// True once <paramref name="condition"/> holds; false when <paramref name="givingUp"/> says waiting is
    /// pointless (the children died) or after <see cref="Patience"/>. A database busy or still being
    /// created by a child counts as "not yet".
    /// </summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, Func<bool> givingUp, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            try
            {
                if (await condition())
                    return true;
            }
            catch (DbException)
            {
            }
            if (givingUp())
                return false;
            await Task.Delay(200, cancellationToken);
        }
        return false;
    }
}
