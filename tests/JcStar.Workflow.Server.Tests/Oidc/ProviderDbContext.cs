using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>The test OpenID provider's store (clients, authorizations, tokens), in memory.</summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
