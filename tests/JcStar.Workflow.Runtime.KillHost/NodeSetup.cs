using System.Collections.Concurrent;
using System.Text.Json;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>What every mode shares: the database, logging to stderr (stdout carries the protocol) and the start barrier.</summary>
public static class NodeSetup
{
    public static Action<DbContextOptionsBuilder> Database(Arguments args)
    {
        var provider = args["provider"];
        var connection = args["db"];
        return provider switch
        {
            "Sqlite" => o => SqliteWorkflowDatabase.Configure(o, connection),
            "PostgreSql" => o => PostgreSqlWorkflowDatabase.Configure(o, connection),
            _ => throw new ArgumentException($"unknown provider '{provider}'"),
        };
    }

    /// <summary>Warnings and worse to stderr; errors are also kept so the report can show what the runtime only logged (the sweep logs and carries on).</summary>
    public static void Logging(ILoggingBuilder logging, ErrorLog errors)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddProvider(errors);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Says "ready" and waits for "go", so two nodes started one after the other begin racing at the same moment.</summary>
    public static async Task WaitForGoAsync()
    {
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim() == "go")
                return;
        }
        throw new InvalidOperationException("stdin closed before \"go\"");
    }

    public static void Report(object report) => Console.WriteLine("report " + JsonSerializer.Serialize(report));
}

/// <summary>Keeps every error logged in this process.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
        }
    }
}
