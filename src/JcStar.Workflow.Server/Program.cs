using JcStar.Workflow.Engine.Scripting;
using JcStar.Workflow.Server.Account;
using JcStar.Workflow.Server.Api;
using JcStar.Workflow.Server.Hosting;
using JcStar.Workflow.Server.Identity;
using JcStar.Workflow.Server.Web;
using JcStar.Workflow.Server.Web.Simulation;

// Settings files travel with the binary; ./data, workflows/ and templates/ resolve against the current directory.
WorkingDirectory.UseRepositoryRootWhenRunFromTheProject();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWorkflowDatabase();
builder.AddWorkflowServices();
builder.AddWorkflowBackgroundWork();
builder.AddWorkflowIdentity();
builder.AddJcStarScheme();
// The local zone made now (DateTime.Now's, which a TLS handshake's certificate check reads), before anything can hold
// .NET's time zone lock for long (Jint's warm-up below reads every zone).
_ = DateTime.Now;
builder.AddWorkflowOpenApi();
builder.AddWorkflowWeb();
builder.AddProcedureSimulation();
builder.AddWorkflowBackups();
builder.AddWorkflowRetention();
builder.WithoutEndpointPolicyCache();
builder.Host.UseServiceProviderFactory(new StartOrder(builder.Environment));

var app = builder.Build();
// Jint's first use reads every time zone (over half a second of CPU). A start that finds the workflow files unchanged
// needs no script (their expressions compiled when they were deployed): the engine is warmed once the server has
// started, beside its first requests, so the first task completed after a restart does not wait for it.
app.Lifetime.ApplicationStarted.Register(ExpressionCompiler.WarmUp);
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseWorkflowStaticFiles();
app.UseRequestLocalization();
app.UseDatabaseGate();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<AccountRequirements>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseStartupGate();
app.MapWorkflowHealth();
app.MapAccountPages();
app.MapWorkflowApi();
app.MapWorkflowOpenApi();
app.MapWorkflowDashboard();
app.MapWorkflowWeb();
app.Run();

public partial class Program;
