namespace JcStar.Workflow.Server.Hosting;

/// <summary>The same security headers on every response: pages, API and downloads.</summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var production = !app.Environment.IsDevelopment();
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                if (!http.Request.Path.StartsWithSegments("/hangfire"))
                    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                if (production && http.Request.IsHttps)
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                return Task.CompletedTask;
            });
            await next(http);
        });
        return app;
    }
}
