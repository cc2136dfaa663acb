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
// Jint's first use reads every time zone (a second of CPU): done beside the rest of the start, once the scheme's zone is
// found and the local zone made (DateTime.Now's, which a TLS handshake's certificate check reads), so neither waits meanwhile.
_ = DateTime.Now;
ExpressionCompiler.WarmUp();
builder.AddWorkflowOpenApi();
builder.AddWorkflowWeb();
builder.AddProcedureSimulation();
builder.AddWorkflowBackups();
builder.AddWorkflowRetention();
builder.WithoutEndpointPolicyCache();
builder.Host.UseServiceProviderFactory(new StartOrder(builder.Environment));

var app = builder.Build();
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
