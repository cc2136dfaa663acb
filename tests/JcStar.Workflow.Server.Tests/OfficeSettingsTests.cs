using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Server.Tests;

/// <summary>Issue 17 item 2: letters must not go out with the code's placeholder office data.</summary>
public sealed class OfficeSettingsTests
{
    private static readonly Dictionary<string, string> RealOffice = new()
    {
        ["Scheme:Office:Phone"] = "03-5978-7500",
        ["Scheme:Office:Email"] = "jc-star@ipa.go.jp",
        ["Scheme:Office:RegistryUrl"] = "https://jc-star.ipa.go.jp/registry",
        ["Scheme:Office:BankAccount"] = "みずほ銀行 本店\n普通預金 1234567\n口座名義 ドク）ジョウホウショリスイシンキコウ",
    };

    [Fact]
    public void In_Production_the_server_refuses_to_start_while_office_data_holds_a_placeholder_and_names_each_setting()
    {
        using var factory = new OfficeServer("Production", new Dictionary<string, string>(RealOffice) { ["Scheme:Office:Phone"] = "03-0000-0000" });
        factory.Settings.Remove("Scheme:Office:BankAccount");

        var refused = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(refused);
        var message = refused.GetBaseException().Message;
        Assert.Contains("placeholder office data", message);
        Assert.Contains("Scheme:Office:Phone", message);
        Assert.Contains("Scheme:Office:BankAccount", message);
        Assert.DoesNotContain("Scheme:Office:Email", message);
    }

    [Fact]
    public async Task In_Production_the_server_starts_once_every_office_setting_is_the_operators_own()
    {
        using var factory = new OfficeServer("Production", RealOffice);

        var health = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}");
        Assert.DoesNotContain(factory.Logged, l => l.Contains("placeholder office data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Elsewhere_the_server_starts_with_placeholders_and_warns_naming_each_setting()
    {
        using var factory = new OfficeServer("Development", new Dictionary<string, string>(RealOffice) { ["Scheme:Office:Email"] = "jc-star@example.jp" });

        var health = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}");
        var warning = Assert.Single(factory.Logged, l => l.Contains("placeholder office data", StringComparison.Ordinal));
        Assert.Contains("Scheme:Office:Email", warning);
        Assert.DoesNotContain("Scheme:Office:Phone", warning);
    }

    private sealed class OfficeServer(string environment, IReadOnlyDictionary<string, string> settings) : WorkflowServerFactory
    {
        private readonly ConcurrentQueue<string> logged = new();

        public Dictionary<string, string> Settings { get; } = new(settings);

        public IReadOnlyCollection<string> Logged => logged;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            foreach (var (key, value) in Settings)
                builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new QueueLogger(logged)));
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
