using JcStar.Workflow.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>The user register's database options are built once for the server, while each request keeps a context of its own.</summary>
public sealed class AccessContextOptionsTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    [Fact]
    public async Task Two_requests_share_the_options_and_not_the_context()
    {
        await using var first = server.Services.CreateAsyncScope();
        await using var second = server.Services.CreateAsyncScope();

        Assert.Same(first.ServiceProvider.GetRequiredService<DbContextOptions<AccessDbContext>>(), second.ServiceProvider.GetRequiredService<DbContextOptions<AccessDbContext>>());
        var context = first.ServiceProvider.GetRequiredService<AccessDbContext>();
        Assert.NotSame(context, second.ServiceProvider.GetRequiredService<AccessDbContext>());
        Assert.True(await context.Database.CanConnectAsync(TestContext.Current.CancellationToken));
    }
}
