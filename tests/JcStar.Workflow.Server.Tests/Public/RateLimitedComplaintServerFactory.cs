namespace JcStar.Workflow.Server.Tests.Public;

public sealed class RateLimitedComplaintServerFactory : ComplaintServerFactory
{
    protected override int ComplaintsPerHour => 2;
}
