using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Complaints;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>
/// The pages anyone may open without signing in: the registry of labelled products (/registry, each entry at
/// /registry/{registrationNumber}, the address the grant notice's QR code carries; /api/registry and /registry.csv
/// for crawlers) and the complaint form (/complaints/new, confirmed by a mailed link).
/// </summary>
public static class PublicEndpoints
{
    public const string ComplaintRateLimit = "public-complaints";

    /// <summary>Japanese as UTF-8 rather than \u escapes (the answer is application/json with nosniff, never inlined in a page).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplicationBuilder AddPublicPages(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PublicOptions.Section).Get<PublicOptions>() ?? new PublicOptions();
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton<IPublicComplaintStore, InMemoryPublicComplaintStore>();
        builder.Services.AddScoped<PublicComplaintDesk>();
        builder.Services.AddRateLimiter(o => o.AddPolicy(ComplaintRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.ComplaintsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
        return builder;
    }

    public static WebApplication MapPublicPages(this WebApplication app)
    {
        app.MapGet("/registry", RegistryPageAsync).AllowAnonymous();
        app.MapGet("/registry.csv", RegistryCsv).AllowAnonymous();
        app.MapGet("/registry/{registrationNumber}", RegistryEntryPage).AllowAnonymous();
        app.MapGet("/api/registry", RegistryApi).AllowAnonymous();

        app.MapGet("/complaints/new", (HttpRequest request) => Page<ComplaintPage>(request, new() { ["Form"] = new ComplaintForm(null, null, request.Query["subject"].FirstOrDefault(), null) })).AllowAnonymous();
        app.MapPost("/complaints/new", SubmitComplaintAsync).AllowAnonymous().RequireRateLimiting(ComplaintRateLimit);
        app.MapGet("/complaints/sent", (HttpRequest request) => Page<ComplaintSentPage>(request, [])).AllowAnonymous();
        app.MapGet("/complaints/confirm/{token}", ConfirmationPageAsync).AllowAnonymous();
        app.MapPost("/complaints/confirm/{token}", ConfirmAsync).AllowAnonymous();
        return app;
    }

    private static IResult RegistryPageAsync(HttpContext http, SchemeServices scheme, PublicOptions options, TimeProvider time)
    {
        var query = RegistryQuery.From(http.Request);
        var (search, problem) = query.ToSearch(options.RegistryPageSize, options.RegistryPageSize);
        var today = scheme.Today(time.GetUtcNow());
        var result = search is null ? new RegistryPage<PublicRegistryEntry>([], 0, 1, options.RegistryPageSize) : scheme.Registry.SearchPublic(search, today);
        var etag = HttpCaching.ETagFor("html", CultureInfo.CurrentUICulture.Name, today.ToString("O"), query.ForPage(result.Page), problem ?? "", JsonSerializer.Serialize(result, Json));
        if (HttpCaching.NotModified(http, etag, options.RegistryCacheSeconds, variesByLanguage: true))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Page<RegistryListPage>(http.Request, new() { ["Result"] = result, ["Query"] = query, ["Problem"] = problem, ["Today"] = today },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static IResult RegistryEntryPage(string registrationNumber, HttpContext http, SchemeServices scheme, PublicOptions options, TimeProvider time)
    {
        var today = scheme.Today(time.GetUtcNow());
        var entry = scheme.Registry.PublicEntryOn(registrationNumber, today);
        if (entry is null)
            return Page<RegistryEntryPage>(http.Request, new() { ["Entry"] = null, ["RegistrationNumber"] = registrationNumber, ["Today"] = today }, StatusCodes.Status404NotFound);
        var etag = HttpCaching.ETagFor("html-entry", CultureInfo.CurrentUICulture.Name, today.ToString("O"), JsonSerializer.Serialize(entry, Json));
        if (HttpCaching.NotModified(http, etag, options.RegistryCacheSeconds, variesByLanguage: true))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Page<RegistryEntryPage>(http.Request, new() { ["Entry"] = entry, ["RegistrationNumber"] = registrationNumber, ["Today"] = today });
    }

    private static IResult RegistryApi(HttpContext http, SchemeServices scheme, PublicOptions options, TimeProvider time)
    {
        var (search, problem) = RegistryQuery.From(http.Request).ToSearch(options.RegistryPageSize, options.RegistryMaxPageSize);
        if (search is null)
            return Results.Problem(title: "Bad request", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        var today = scheme.Today(time.GetUtcNow());
        var result = scheme.Registry.SearchPublic(search, today);
        var view = new RegistryListView(today, result.Page, result.PageSize, result.Total, result.PageCount, [.. result.Entries.Select(RegistryEntryView.From)]);
        var body = JsonSerializer.SerializeToUtf8Bytes(view, Json);
        var etag = HttpCaching.ETagFor("json", Convert.ToBase64String(body));
        if (HttpCaching.NotModified(http, etag, options.RegistryCacheSeconds, variesByLanguage: false))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static IResult RegistryCsv(HttpContext http, SchemeServices scheme, PublicOptions options, TimeProvider time)
    {
        var query = RegistryQuery.From(http.Request);
        var (search, problem) = (query with { Page = null, Size = null }).ToSearch(options.RegistryCsvMaxRows, options.RegistryCsvMaxRows);
        if (search is null)
            return Results.Problem(title: "Bad request", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        var today = scheme.Today(time.GetUtcNow());
        var result = scheme.Registry.SearchPublic(search, today);
        var csv = new StringBuilder();
        csv.AppendLine(Csv.Line("registration number", "level", "status", "revoked on", "expired after", "supplier", "product", "model numbers",
            "issue date", "expiry date", "evaluation facility", "support period", "vulnerability contact"));
        foreach (var e in result.Entries)
            csv.AppendLine(Csv.Line(e.RegistrationNumber, e.Level, e.Status.ToString().ToLowerInvariant(), Iso(e.RevokedOn), Iso(e.ExpiredAfter), e.Supplier, e.ProductName,
                e.ModelNumbers.IsDefaultOrEmpty ? null : string.Join(" ", e.ModelNumbers), Iso(e.IssueDate), Iso(e.ExpiryDate), e.EvaluationFacility, e.SupportPeriod, e.VulnerabilityContact));
        // UTF-8 with a byte-order mark, so Excel opens the Japanese text correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var etag = HttpCaching.ETagFor("csv", Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes)));
        if (HttpCaching.NotModified(http, etag, options.RegistryCacheSeconds, variesByLanguage: false))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.File(bytes, "text/csv; charset=utf-8", $"jc-star-registry-{today:yyyyMMdd}.csv");
    }

    private static async Task<IResult> SubmitComplaintAsync(
        [FromForm(Name = "name")] string? name, [FromForm(Name = "email")] string? email, [FromForm(Name = "subject")] string? subject, [FromForm(Name = "description")] string? description,
        HttpRequest request, PublicComplaintDesk desk, PublicOptions options, CancellationToken cancellationToken)
    {
        var form = new ComplaintForm(name, email, subject, description);
        var problems = form.Problems(options.ComplaintTextMaxLength);
        if (problems.Count > 0)
            return Page<ComplaintPage>(request, new() { ["Form"] = form, ["Problems"] = problems }, StatusCodes.Status400BadRequest);
        var baseUrl = options.BaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}";
        await desk.SubmitAsync(form, baseUrl, cancellationToken);
        return Results.Redirect("/complaints/sent", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ConfirmationPageAsync(string token, HttpRequest request, PublicComplaintDesk desk, CancellationToken cancellationToken)
    {
        var status = await desk.StatusAsync(token, cancellationToken);
        var confirmation = status.Outcome is { } outcome ? new ComplaintConfirmation(outcome, status.Complaint?.ReceiptNumber) : null;
        return Page<ComplaintConfirmPage>(request, new() { ["Token"] = token, ["Complaint"] = status.Complaint, ["Confirmation"] = confirmation },
            status.Outcome == ComplaintOutcome.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary>A button on the page, not the link itself, opens the case: mail scanners that fetch links must not file complaints.</summary>
    private static async Task<IResult> ConfirmAsync(string token, [FromForm(Name = "confirm")] string? confirm, HttpRequest request, PublicComplaintDesk desk, CancellationToken cancellationToken)
    {
        var confirmation = await desk.ConfirmAsync(token, cancellationToken);
        return Page<ComplaintConfirmPage>(request, new() { ["Token"] = token, ["Confirmation"] = confirmation },
            confirmation.Outcome == ComplaintOutcome.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static RazorComponentResult<T> Page<T>(HttpRequest request, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["ReturnUrl"] = request.Path + request.QueryString;
        return new RazorComponentResult<T>(parameters) { StatusCode = status };
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
