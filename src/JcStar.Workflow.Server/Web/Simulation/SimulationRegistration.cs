namespace JcStar.Workflow.Server.Web.Simulation;

public static class SimulationRegistration
{
    /// <summary>Simulation from the procedure pages: the runner, its bounds (section "Simulation") and the recent runs kept in memory.</summary>
    public static WebApplicationBuilder AddProcedureSimulation(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SimulationOptions>(builder.Configuration.GetSection(SimulationOptions.Section));
        builder.Services.AddSingleton<SimulationResults>();
        builder.Services.AddSingleton<ProcedureSimulator>();
        return builder;
    }
}
