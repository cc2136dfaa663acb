using System.Globalization;
using System.Text;
using JcStar.Workflow.Server.Identity;
using JcStar.Workflow.Server.Web.Portal;
using JcStar.Workflow.Server.Web.Public;
using JcStar.Workflow.Server.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The staff workspace: server-rendered pages (Razor components, no client framework), Japanese first with English
/// from the header's switch or the browser's Accept-Language; every page asks the runtime's queries and use cases,
/// which go through the one access policy.
/// </summary>
public static class WebRegistration
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("ja"), CultureInfo.GetCultureInfo("en")];

    public static WebApplicationBuilder AddWorkflowWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Japanese as text, not numeric entities: pages stay a third of the size and readable to any tool. Still HTML-encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<IStringLocalizer<Strings>, CachedStrings>();
        builder.Services.AddSingleton<WebClock>();
        builder.AddPublicPages();
        builder.AddApplicantPortal();
        builder.Services.AddSingleton<ProcedureNames>();
        builder.Services.AddSingleton<ProcedureSteps>();
        builder.Services.AddSingleton<DefinitionNames>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ja");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>
    /// The script islands' bundles (/lib/*.js and *.css), built from ClientApp/ into wwwroot/ beside the binary.
    /// Served before sign-in: they hold library code only, no case data.
    /// </summary>
    public static WebApplication UseWorkflowStaticFiles(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root) });
        return app;
    }

    public static WebApplication MapWorkflowWeb(this WebApplication app)
    {
        app.MapGet("/assets/site.css", () => Results.Text(SiteCss.Text, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (Cultures.Any(c => c.Name == culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.Redirect(Account.AccountEndpoints.LocalOnly(returnUrl));
        }).AllowAnonymous();
        app.MapGet("/cases.csv", async (string? q, string? procedure, string? status, string? from, string? to, JcStar.Workflow.Runtime.WorkflowQueries queries, HttpContext http) =>
        {
            var (rows, _) = await new CaseSearch(q, procedure, status, from, to).RunAsync(queries, http.User.ToActor(), 1, 10_000);
            var csv = new StringBuilder();
            csv.AppendLine(Csv.Line("case id", "business key", "application number", "registration number", "procedure", "applicant", "product", "models", "status", "started"));
            foreach (var r in rows)
                csv.AppendLine(Csv.Line(r.Instance.Id, r.Instance.BusinessKey, r.Facts.ApplicationNumber, r.Facts.RegistrationNumber, r.Instance.ProcessId,
                    r.Facts.Applicant, r.Facts.Product, r.Facts.Models, r.Instance.Status.ToString(), r.Instance.StartedAt.ToString("O", CultureInfo.InvariantCulture)));
            // UTF-8 with a byte-order mark, so Excel opens the Japanese text correctly.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"cases-{DateTime.UtcNow:yyyyMMdd}.csv");
        });
        app.MapPublicPages();
        app.MapApplicantPortal();
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.User.ToActor().HasRole(JcStar.Workflow.Identity.SchemeRoles.Applicant) ? "/portal" : "/inbox"));
        app.MapRazorComponents<App>();
        return app;
    }
}
