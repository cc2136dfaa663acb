using JcStar.Workflow.Runtime;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>A zone is looked up once and then served from memory; an unknown zone is still refused by name.</summary>
public sealed class TimeZonesTests
{
    [Fact]
    public void Japan_time_is_found_once_and_the_same_zone_is_given_every_time()
    {
        var tokyo = TimeZones.Find("Asia/Tokyo");
        // .NET's own cache forgets it (and would be read under its process-wide lock again); this one does not.
        TimeZoneInfo.ClearCachedData();

        Assert.NotSame(tokyo, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Same(tokyo, TimeZones.Find("Asia/Tokyo"));
        Assert.Equal(TimeSpan.FromHours(9), tokyo.GetUtcOffset(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_unknown_zone_is_refused_with_its_name()
    {
        var refused = Assert.Throws<TimeZoneNotFoundException>(() => TimeZones.Find("Asia/Atlantis"));
        Assert.Contains("Asia/Atlantis", refused.Message);
        Assert.Throws<TimeZoneNotFoundException>(() => TimeZones.Find("Asia/Atlantis"));
    }
}
