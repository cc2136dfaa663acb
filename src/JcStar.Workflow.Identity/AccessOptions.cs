namespace JcStar.Workflow.Identity;

/// <summary>Sign-in settings, bound from the "Authentication" section (see appsettings.example.json).</summary>
public sealed class AccessOptions
{
    public const string Section = "Authentication";

    /// <summary>The first administrator's password on a database with no users; when empty, a one-time password is generated and logged once.</summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>Staff and admins must set up an authenticator app (TOTP) before they can work.</summary>
    public bool RequireTwoFactorForStaff { get; set; }

    public PasswordRules Password { get; set; } = new();

    public LockoutRules Lockout { get; set; } = new();

    /// <summary>Sign-in attempts one address may make per minute before it is told to wait.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a signed-in browser stays signed in without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often a signed-in session is checked against the user register (a disabled user is then signed out).</summary>
    public TimeSpan SessionRevalidation { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Personal access tokens expire after this unless the creator says otherwise.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    public sealed class PasswordRules
    {
        public int RequiredLength { get; set; } = 12;
        public bool RequireDigit { get; set; } = true;
        public bool RequireLowercase { get; set; } = true;
        public bool RequireUppercase { get; set; } = true;
        public bool RequireNonAlphanumeric { get; set; }
    }

    public sealed class LockoutRules
    {
        public int MaxFailedAttempts { get; set; } = 5;
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    }
}
