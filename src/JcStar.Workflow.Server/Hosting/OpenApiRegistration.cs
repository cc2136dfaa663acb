using Microsoft.OpenApi;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>The API's OpenAPI document at /openapi/v1.json, declaring how callers authenticate: a personal access token, or the sign-in cookie.</summary>
public static class OpenApiRegistration
{
    public static WebApplicationBuilder AddWorkflowOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "JcStar.Workflow API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["accessToken"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (jcstar tokens create, or POST /api/tokens), sent as Authorization: Bearer <token>.",
                },
                ["session"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "jcstar.session",
                    Description = "The cookie set by signing in at /login (people in a browser).",
                },
            };
            document.Security = [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("accessToken", document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", document)] = [] },
            ];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapWorkflowOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
