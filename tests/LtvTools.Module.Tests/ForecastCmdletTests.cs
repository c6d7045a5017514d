using System.Globalization;
using System.Management.Automation;
using LtvTools.Core.Tests;

namespace LtvTools.Module.Tests;

/// <summary>Get-LtvCustomerSummary, New-LtvForecastModel and Get-LtvForecast in a real runspace, from events to forecasts.</summary>
public sealed class ForecastCmdletTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly string _events;

    public ForecastCmdletTests() => _events = CdnowData.WriteEvents(Path.Combine(_dir.Path, "cdnow.jsonl"));

    public void Dispose() => _dir.Dispose();

    /// <summary>A terminating error of a cmdlet ends its statement; the script host reports it on the error stream.</summary>
    private static ErrorRecord TheError(ScriptResult result)
    {
        Assert.Null(result.Terminating);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_CDNOW_events_summarise_to_the_published_summaries_and_fit_to_the_published_parameters()
    {
        using var ps = ModuleRunspace.Start();
        var summaries = ps.Run("$script:s = Get-LtvCustomerSummary -LiteralPath $args[0] -CalibrationEnd 1997-09-30; $script:s", _events).Clean();

        var published = CdnowData.PublishedSummaries();
        Assert.Equal(published.Count, summaries.Output.Count);
        foreach (var row in summaries.Output)
        {
            var expected = published[(string)row.Properties["CustomerId"].Value];
            Assert.Equal(expected.X, (int)row.Properties["Frequency"].Value);
            Assert.Equal(expected.Recency, Math.Round((double)row.Properties["Recency"].Value, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(expected.T, Math.Round((double)row.Properties["T"].Value, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(expected.Zbar, Math.Round((decimal)row.Properties["MonetaryValue"].Value, 2, MidpointRounding.AwayFromZero));
        }

        var model = ps.Run("$script:s | New-LtvForecastModel").Clean();
        Assert.Equal(0.243, (double)model.Value(0, "R")!, 0.001);
        Assert.Equal(4.414, (double)model.Value(0, "Alpha")!, 0.001);
        Assert.Equal(0.793, (double)model.Value(0, "A")!, 0.001);
        Assert.Equal(2.426, (double)model.Value(0, "B")!, 0.001);
        Assert.Equal(-9582.4, Math.Round((double)model.Value(0, "BgNbdLogLikelihood")!, 1));
        Assert.Equal(6.25, (double)model.Value(0, "P")!, 0.01);
        Assert.Equal(3.74, (double)model.Value(0, "Q")!, 0.01);
        Assert.Equal(15.44, (double)model.Value(0, "V")!, 0.01);
        Assert.Equal(946, model.Value(0, "SpendCustomers"));
        Assert.Equal(true, model.Value(0, "BgNbdConverged"));
        Assert.Equal(true, model.Value(0, "GammaGammaConverged"));
    }

    [Fact]
    public void Get_LtvForecast_goes_from_the_file_to_forecasts_by_itself()
    {
        using var ps = ModuleRunspace.Start();
        var all = ps.Run("Get-LtvForecast -Path $args[0] -CalibrationEnd 1997-09-30 -Horizon 39 | Where-Object CustomerId -eq '1'", _events).Clean();

        Assert.Equal(1.226, (double)all.Value(0, "ExpectedPurchases")!, 0.001);
        Assert.Equal("Week", all.Text(0, "TimeUnit"));
    }

    [Fact]
    public void Piped_events_give_the_same_summaries_as_the_file()
    {
        using var ps = ModuleRunspace.Start();
        var compared = ps.Run(
            "$a = Get-LtvCustomerSummary -LiteralPath $args[0] -CalibrationEnd 1997-09-30; " +
            "$b = Import-LtvEvents -LiteralPath $args[0] | Get-LtvCustomerSummary -CalibrationEnd 1997-09-30; " +
            "$a.Count; @(Compare-Object $a $b -Property CustomerId, Frequency, Recency, T, MonetaryValue).Count",
            _events).Clean();

        Assert.Equal(new object[] { 2357, 0 }, compared.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Import_Csv_of_lifetimes_summary_fits_the_purchase_model_and_of_an_exported_summary_both()
    {
        using var ps = ModuleRunspace.Start();
        var lifetimes = ps.Run("Import-Csv $args[0] | New-LtvForecastModel", Path.Combine(CdnowData.Folder, "cdnow_customers_summary.csv")).Clean();
        Assert.Equal(0.243, (double)lifetimes.Value(0, "R")!, 0.001);
        Assert.Equal(2.426, (double)lifetimes.Value(0, "B")!, 0.001);
        Assert.Null(lifetimes.Value(0, "P"));

        var roundTrip = ps.Run(
            "$csv = Join-Path $args[1] s.csv; Get-LtvCustomerSummary -LiteralPath $args[0] -CalibrationEnd 1997-09-30 | Export-Csv $csv; " +
            "Import-Csv $csv | New-LtvForecastModel",
            _events, _dir.Path).Clean();
        Assert.Equal(0.243, (double)roundTrip.Value(0, "R")!, 0.001);
        Assert.Equal(6.25, (double)roundTrip.Value(0, "P")!, 0.01);
    }

    [Fact]
    public void Forecasts_come_in_input_order_with_probabilities_between_0_and_1()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run(
            "$s = Get-LtvCustomerSummary -LiteralPath $args[0] -CalibrationEnd 1997-09-30; $m = $s | New-LtvForecastModel; " +
            "$r = $s | Sort-Object { [int]$_.CustomerId } -Descending; " +
            "$f = $r | Get-LtvForecast -Model $m -Horizon 52 -DiscountRate 0.01; " +
            "($f.CustomerId -join ',') -eq ($r.CustomerId -join ','); " +
            "@($f | Where-Object { $_.ProbabilityAlive -lt 0 -or $_.ProbabilityAlive -gt 1 }).Count; " +
            "@($f | Where-Object { $_.Frequency -eq 0 -and $_.ProbabilityAlive -ne 1 }).Count",
            _events).Clean();

        Assert.Equal(new object[] { true, 0, 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_bad_summary_is_a_non_terminating_error_naming_it_and_the_rest_are_used()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run(
            "$rows = @(Import-Csv $args[0]); " +
            "$rows[3] = [pscustomobject]@{ ID = 'bad-x'; frequency = '1.5'; recency = '1'; T = '2' }; " +
            "$rows[4] = [pscustomobject]@{ ID = 'bad-r'; frequency = '1'; recency = '3'; T = '2' }; " +
            "$rows[5] = [pscustomobject]@{ ID = 'bad-n'; frequency = '-1'; recency = '0'; T = '2' }; " +
            "$rows | New-LtvForecastModel",
            Path.Combine(CdnowData.Folder, "cdnow_customers_summary.csv"));

        Assert.Null(result.Terminating);
        Assert.Equal(2354, result.Value(0, "Customers"));
        Assert.Equal(
            new[]
            {
                "Customer summary 4 (CustomerId 'bad-x') is not used: frequency 1.5 is not a whole number of repeat purchases.",
                "Customer summary 5 (CustomerId 'bad-r') is not used: recency 3 is greater than T 2.",
                "Customer summary 6 (CustomerId 'bad-n') is not used: frequency -1 is negative.",
            },
            result.Errors.Select(e => e.Exception.Message));
        Assert.All(result.Errors, e => Assert.Equal("InvalidCustomerSummary,LtvTools.Commands.NewLtvForecastModelCommand", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
    }

    [Theory]
    [InlineData("1..3 | ForEach-Object { [pscustomobject]@{ frequency = 1; recency = 1; T = 5 } } | New-LtvForecastModel", "ForecastTooFewCustomers,LtvTools.Commands.NewLtvForecastModelCommand", "at least 10 customers")]
    [InlineData("1..20 | ForEach-Object { [pscustomobject]@{ x = 0; t_x = 0; T = $_ } } | New-LtvForecastModel", "ForecastNoRepeatCustomers,LtvTools.Commands.NewLtvForecastModelCommand", "None of the 20 customers made a repeat purchase")]
    [InlineData("1..30 | ForEach-Object { [pscustomobject]@{ x = 19 + $_; t_x = 19 + $_; T = 19 + $_ } } | Get-LtvForecast -Horizon 10", "ForecastNotConverged,LtvTools.Commands.GetLtvForecastCommand", "did not converge")]
    public void A_fit_that_cannot_be_made_is_a_terminating_error_that_says_why(string script, string id, string message)
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run(script);

        var error = TheError(result);
        Assert.Equal(id, error.FullyQualifiedErrorId);
        Assert.Contains(message, error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("-Horizon 0")]
    [InlineData("-Horizon -1")]
    [InlineData("-Horizon 10 -DiscountRate 1")]
    [InlineData("-Horizon 10 -DiscountRate -0.01")]
    public void An_out_of_range_horizon_or_discount_rate_fails_parameter_validation(string arguments)
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run("Get-LtvForecast -LiteralPath $args[0] " + arguments, _events);

        Assert.Empty(result.Output);
        Assert.Equal("ParameterArgumentValidationError,LtvTools.Commands.GetLtvForecastCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Summaries_and_events_cannot_be_mixed()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run(
            "$s = @(Get-LtvCustomerSummary -LiteralPath $args[0]); @($s) + @(Import-LtvEvents -LiteralPath $args[0] | Select-Object -First 3) | Get-LtvForecast -Horizon 5",
            _events);

        Assert.Equal("ForecastMixedInput,LtvTools.Commands.GetLtvForecastCommand", TheError(result).FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_tables_show_two_decimals_within_80_columns()
    {
        var host = new TextHost();
        using var ps = ModuleRunspace.Start(host);
        ps.Run("$s = Get-LtvCustomerSummary -LiteralPath $args[0] -CalibrationEnd 1997-09-30; $s | Select-Object -First 2 | Out-Default; " +
            "$s | Get-LtvForecast -Horizon 39 | Select-Object -First 1 | Out-Default", _events).Clean();
        var lines = System.Text.RegularExpressions.Regex.Replace(host.Text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

        Assert.Equal(
            new[]
            {
                "CustomerId                           Frequency  Recency        T MonetaryValue",
                "----------                           ---------  -------        - -------------",
                "1                                            2    30.43    38.86         22.35",
                "10                                           0     0.00    38.86          0.00",
                "CustomerId               ProbabilityAlive ExpectedPurchases   PredictedClv",
                "----------               ---------------- -----------------   ------------",
                "1                                   0.727              1.23          30.23",
            },
            lines);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }
}
