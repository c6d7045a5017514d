namespace LtvTools.Module.Tests;

public class WeeklyMetricsTests
{
    private const string Row = " | ForEach-Object { '{0} {1}-W{2} {3} v{4} o{5} {6} {7}' -f $_.CustomerId, $_.Year, $_.Week, $_.WeekStart.ToString('yyyy-MM-dd'), $_.SiteVisits, $_.Orders, $_.OrderAmount, $_.SpendPerVisit }";

    [Fact]
    public void Weekly_metrics_of_the_sample_have_one_row_per_customer_and_active_week_sorted()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue | Get-LtvWeeklyMetrics" + Row);

        Assert.Equal(
            new[]
            {
                "0f1e2d3c4b5a 2017-W4 2017-01-22 v1 o0 0.00 0.00",
                "5e1a7c0b3d21 2017-W2 2017-01-08 v1 o1 45.50 45.50",
                "5e1a7c0b3d21 2017-W3 2017-01-15 v1 o1 120.00 120.00",
                "96f55c7d8f42 2017-W1 2017-01-01 v1 o1 12.34 12.34",
                "c2b4d6e8f0a1 2017-W2 2017-01-08 v1 o0 0.00 0.00",
                "c2b4d6e8f0a1 2017-W4 2017-01-22 v1 o1 89.99 89.99",
            },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void IncludeEmptyWeeks_adds_zero_rows_for_every_week_of_the_window()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-LtvWeeklyMetrics -Path samples/events.json -CustomerId 5E1A* -IncludeEmptyWeeks -ErrorAction SilentlyContinue" + Row);

        Assert.Equal(
            new[]
            {
                "5e1a7c0b3d21 2017-W1 2017-01-01 v0 o0 0.00 ",
                "5e1a7c0b3d21 2017-W2 2017-01-08 v1 o1 45.50 45.50",
                "5e1a7c0b3d21 2017-W3 2017-01-15 v1 o1 120.00 120.00",
                "5e1a7c0b3d21 2017-W4 2017-01-22 v0 o0 0.00 ",
            },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_invalid_CustomerId_pattern_fails_parameter_validation_before_anything_is_read()
    {
        using var ps = ModuleRunspace.Start();

        // samples/events.json has a rejected record: reading it would have added an InvalidEvent error.
        var result = ps.Run("Get-LtvWeeklyMetrics -Path samples/events.json -CustomerId '96f5*', '['");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ParameterArgumentValidationError,LtvTools.Commands.GetLtvWeeklyMetricsCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'CustomerId'", error.Exception.Message);
        Assert.Contains("'[' is not a valid wildcard pattern; write a literal [ or ] as `[ or `].", error.Exception.Message);

        var escaped = ps.Run("Get-LtvWeeklyMetrics -Path samples/events.json -CustomerId '`[*' -ErrorAction SilentlyContinue");
        Assert.Empty(escaped.Output);
        Assert.DoesNotContain(escaped.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomerId_takes_several_patterns_and_WeekStart_Monday_relabels_the_weeks()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-LtvWeeklyMetrics -Path samples/events.json -CustomerId 96f55c7d8f42, 'c2*' -WeekStart Monday -ErrorAction SilentlyContinue" + Row);

        Assert.Equal(
            new[]
            {
                "96f55c7d8f42 2017-W1 2017-01-02 v1 o1 12.34 12.34",
                "c2b4d6e8f0a1 2017-W2 2017-01-09 v1 o0 0.00 0.00",
                "c2b4d6e8f0a1 2017-W4 2017-01-23 v1 o1 89.99 89.99",
            },
            result.Output.Select(o => o.ToString()));
    }
}
