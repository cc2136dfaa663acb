using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Letters;

namespace JcStar.Workflow.Scheme.Tests;

/// <summary>Issue 17 item 2: each letter's outgoing document number (文書番号) from the configured series, recorded with the letter.</summary>
public sealed class DocumentNumberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 30, 0, TimeSpan.Zero); // 26 November in Japan

    private static ImmutableDictionary<string, JsonElement> Inputs(object anonymous) =>
        JsonSerializer.SerializeToElement(anonymous).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static ActivityContext Job(string key) => new("inst-1", "JCS-A-2026-00001", "SelfDeclarationApplication", "def-1", "Render", key, 1, Now);

    private static object Letter(string template, object? letters = null) => new
    {
        template,
        applicant = new { name = "株式会社サンプル電機", representative = "代表取締役　山田 太郎" },
        letters,
    };

    [Fact]
    public async Task Each_letter_takes_the_next_number_of_the_configured_series_and_is_recorded_with_it()
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { Letters = new LetterOptions { DocumentNumberFormat = "情推発{yy}第{seq:4}号" } });
        var renderer = new RenderedLetters();
        var letters = new SchemeLetterActivity(renderer, scheme);

        var first = await letters.ExecuteAsync(Inputs(Letter("acceptance-form")), Job("job-1"), TestContext.Current.CancellationToken);
        var second = await letters.ExecuteAsync(Inputs(Letter("fee-request", first.Outputs["letters"])), Job("job-2"), TestContext.Current.CancellationToken);

        Assert.Equal("情推発26第0001号", first.Outputs["documentNumber"].GetString());
        Assert.Equal("情推発26第0002号", second.Outputs["documentNumber"].GetString());
        // The renderer got the number to print, and the addressee block by kind.
        Assert.Equal(["情推発26第0001号", "情推発26第0002号"], renderer.Numbers);
        var recorded = second.Outputs["letters"].EnumerateArray().ToList();
        Assert.Equal(["acceptance-form", "fee-request"], recorded.Select(l => l.GetProperty("template").GetString()));
        Assert.Equal(["情推発26第0001号", "情推発26第0002号"], recorded.Select(l => l.GetProperty("documentNumber").GetString()));
        Assert.Equal("doc-2", recorded[1].GetProperty("documentId").GetString());
        Assert.Equal("2026-11-26", recorded[1].GetProperty("date").GetString());
    }

    [Fact]
    public async Task A_letter_job_that_runs_again_keeps_its_number_and_is_recorded_once()
    {
        var scheme = SchemeServices.InMemory();
        var letters = new SchemeLetterActivity(new RenderedLetters(), scheme);

        var first = await letters.ExecuteAsync(Inputs(Letter("grant-notice")), Job("job-7"), TestContext.Current.CancellationToken);
        var again = await letters.ExecuteAsync(Inputs(Letter("grant-notice", first.Outputs["letters"])), Job("job-7"), TestContext.Current.CancellationToken);
        var next = await letters.ExecuteAsync(Inputs(Letter("refusal-notice")), Job("job-8"), TestContext.Current.CancellationToken);

        Assert.Equal(first.Outputs["documentNumber"].GetString(), again.Outputs["documentNumber"].GetString());
        Assert.Single(again.Outputs["letters"].EnumerateArray());
        Assert.Equal("情推認第2号", next.Outputs["documentNumber"].GetString());
    }

    /// <summary>Stands in for the Word renderer: what it was asked to print, and a document id per letter.</summary>
    private sealed class RenderedLetters : IActivityHandler
    {
        public List<string> Numbers { get; } = [];

        public string Name => "document.render";

        public Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
        {
            Numbers.Add(inputs["documentNumber"].GetString()!);
            Assert.Equal("代表取締役　山田 太郎　殿", inputs["addressee"].GetProperty("line2").GetString());
            return Task.FromResult(ActivityResult.Completed(ImmutableDictionary<string, JsonElement>.Empty
                .Add("documentId", JsonSerializer.SerializeToElement($"doc-{Numbers.Count}"))));
        }
    }
}
