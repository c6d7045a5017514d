namespace LtvTools.Module.Tests;

/// <summary>The values on the output objects as scripts use them: times as dates, rates as written, figures at a fixed scale.</summary>
public class ValueTests
{
    private const string Quiet = " -ErrorAction SilentlyContinue -WarningAction SilentlyContinue";

    [Fact]
    public void Event_times_are_dates_in_scripts()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            $e = Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            ($e[1].EventTime - $e[0].EventTime).TotalMilliseconds
            $e[0].EventTime.Month
            $e[0].EventTime.Kind
            $e[0].EventTime.ToLocalTime().Kind
            $e[0].EventTime -is [datetime]
            $e[0].EventTime -lt [datetime]'2017-01-07'
            [datetime]'2017-01-07' -gt $e[0].EventTime
            @($e | Group-Object { $_.EventTime.Month }).Name
            ($e | Group-Object { $_.EventTime.Day }).Count -gt 1
            $e[0].EventTime.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)
            """).Clean();

        Assert.Equal(
            new[] { "-54343", "1", "Utc", "Local", "True", "True", "True", "1", "True", "2017-01-06 12:46" },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Times_print_as_ISO_8601_UTC_in_lists_tables_and_csv_in_a_decimal_comma_culture()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            [System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
            $e = Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Select-Object -First 1
            $e.EventTime.ToString()
            ($e | Format-List EventTime | Out-String).Trim()
            ($e | Select-Object Key, EventTime | ConvertTo-Csv)[1]
            (Get-LtvWeeklyMetrics samples/events.json -CustomerId 96f55c7d8f42 -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | ConvertTo-Csv)[1]
            """).Clean();

        Assert.Equal(
            new[]
            {
                "2017-01-06T12:46:46.384Z",
                "EventTime : 2017-01-06T12:46:46.384Z",
                "\"96f55c7d8f42\",\"2017-01-06T12:46:46.384Z\"",
                "\"2017-01-01T00:00:00Z\",\"96f55c7d8f42\",\"2017\",\"1\",\"1\",\"1\",\"12,34\",\"12,34\"",
            },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Week_starts_are_dates_in_scripts()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            $w = Get-LtvWeeklyMetrics samples/events.json -IncludeEmptyWeeks -CustomerId 5e1a7c0b3d21 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            ($w[1].WeekStart - $w[0].WeekStart).TotalDays
            $w[0].WeekStart.DayOfWeek
            $w[0].WeekStart -eq [datetime]'2017-01-01'
            """).Clean();

        Assert.Equal(new[] { "7", "Sunday", "True" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ConvertTo_Json_at_its_default_depth_writes_ISO_times_and_tags_as_names_and_values_without_a_warning()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            $events = Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $json = $events | ConvertTo-Json -Compress
            $one = $events | Where-Object { $_.Tags.Count -eq 2 } | Select-Object -First 1 | ConvertTo-Json -Compress
            $back = $json | ConvertFrom-Json | Get-TopLtvCustomer -Top 1 | ForEach-Object { '{0} {1}' -f $_.CustomerId, $_.Ltv.ToString([cultureinfo]::InvariantCulture) }
            $one
            $back
            """).Clean();

        Assert.Empty(result.Warnings);
        var one = result.Output[0].ToString()!;
        Assert.Contains("\"EventTime\":\"2017-01-08T09:20:11.5Z\"", one);
        Assert.Contains("\"Tags\":{\"campaign\":\"winter-sale\",\"device\":\"mobile\"}", one);
        Assert.Equal("5e1a7c0b3d21 21515.00", result.Output[1].ToString());
    }

    [Theory]
    [InlineData("'1,08'")]
    [InlineData("'1,000.5'")]
    [InlineData("' 1.08'")]
    [InlineData("'1e3'")]
    [InlineData("'-1.08'")]
    [InlineData("'1.0.8'")]
    public void A_rate_written_as_text_is_read_strictly(string rate)
    {
        using var ps = ModuleRunspace.Start();

        // Before, PowerShell's conversion read '1,08' as 108 and the EUR order came out 100 times too large.
        var bad = ps.Run("Get-TopLtvCustomer -Path samples/events.json -ExchangeRate @{ EUR = " + rate + " }" + Quiet);

        Assert.Empty(bad.Output);
        var error = Assert.Single(bad.Errors);
        Assert.StartsWith("InvalidExchangeRate,", error.FullyQualifiedErrorId);
        Assert.Contains("a rate written as text takes invariant digits and at most one '.'", error.Exception.Message);
    }

    [Theory]
    [InlineData("'1.08'", "54.00")]
    [InlineData("'2'", "100.00")]
    [InlineData("1.08", "54.00")]
    public void Rates_as_invariant_text_or_numbers_are_taken(string rate, string usd)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            [System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
            '{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c1", "total_amount": "50.00 EUR"}' |
                ConvertFrom-Json | Get-TopLtvCustomer -ExchangeRate @{ EUR = 
            """ + rate + " } | ForEach-Object { $_.TotalSpend.ToString([cultureinfo]::InvariantCulture) }").Clean();

        Assert.Equal(usd, Assert.Single(result.Output).ToString());
    }

    [Fact]
    public void A_rate_given_for_events_already_converted_is_warned_about_once()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            @(
                '{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c1", "total_amount": "50.00 EUR"}'
                '{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c2", "total_amount": "10.00 EUR"}'
            ) | Set-Content -LiteralPath $args[0]
            Import-LtvEvents -LiteralPath $args[0] -ExchangeRate @{ EUR = 2 } | Get-TopLtvCustomer -ExchangeRate @{ EUR = 3 } | ForEach-Object { $_.TotalSpend.ToString([cultureinfo]::InvariantCulture) }
            """, Path.Combine(Path.GetTempPath(), $"ltv-rate-{Guid.NewGuid():N}.jsonl")).Clean();

        Assert.Equal(new[] { "100.00", "20.00" }, result.Output.Select(o => o.ToString()));
        Assert.Equal(
            "-ExchangeRate was not applied to the piped LtvEvent objects: their USD amounts (AmountUsd) were worked out when they were read. Give -ExchangeRate to Import-LtvEvents instead.",
            Assert.Single(result.Warnings));
    }

    [Fact]
    public void Customer_figures_have_two_decimals_and_ratios_at_most_six()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -Path tests/data/challenge-sample.json" + Quiet + " | ForEach-Object { $_.Ltv, $_.TotalSpend, $_.WeeklyValue, $_.SpendPerVisit, $_.VisitsPerWeek | ForEach-Object { if ($null -eq $_) { 'null' } else { $_.ToString([cultureinfo]::InvariantCulture) } } }").Clean();
        var top = ps.Run("Get-TopLtvCustomer -Path samples/events.json" + Quiet + " | ConvertTo-Csv").Clean().Output.Select(o => o.ToString()).ToList();

        Assert.Equal("6416.80", result.Output[0].ToString());
        Assert.All(result.Output.Take(4), o => Assert.Matches(@"^(\d+\.\d\d|null)$", o.ToString()));
        Assert.Equal("\"4\",\"0f1e2d3c4b5a\",,,,\"1\",\"0\",\"0.00\",\"4\",\"0.00\",\"0.25\",\"0.00\",\"0.00\"", top[4]);
        Assert.Equal("\"1\",\"5e1a7c0b3d21\",\"Garcia\",\"Springfield\",\"IL\",\"2\",\"2\",\"165.50\",\"4\",\"82.75\",\"0.5\",\"41.38\",\"21515.00\"", top[1]);
    }

    [Fact]
    public void A_ratio_of_one_visit_in_three_weeks_has_six_decimals()
    {
        using var ps = ModuleRunspace.Start();

        // Before, 1/3 came out with 28 digits (0.3333333333333333333333333333).
        var result = ps.Run("""
            @(
                '{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2017-01-01T12:00:00Z", "customer_id": "c1"}'
                '{"type": "IMAGE", "verb": "UPLOAD", "key": "i1", "event_time": "2017-01-15T12:00:00Z", "customer_id": "c2"}'
            ) | ConvertFrom-Json | Get-TopLtvCustomer | Where-Object CustomerId -eq c1 | ForEach-Object { $_.VisitsPerWeek.ToString([cultureinfo]::InvariantCulture) }
            """).Clean();

        Assert.Equal("0.333333", Assert.Single(result.Output).ToString());
    }
}
