
namespace LtvTools.Module.Tests;

/// <summary>
/// Export-Csv writes ToString() of every property value. These tests pipe the cmdlets' output into the real
/// Export-Csv / ConvertTo-Csv and Import-Csv of PowerShell 7.6 and check that every column is readable.
/// </summary>
public class ExportTextTests
{
    private const string Quiet = " -ErrorAction SilentlyContinue -WarningAction SilentlyContinue";

    [Fact]
    public void Event_columns_are_ISO_times_invariant_amounts_and_tags_as_text()
    {
        using var ps = ModuleRunspace.Start();

        var lines = ps.Run("Import-LtvEvents samples/events.json" + Quiet + " | ConvertTo-Csv").Clean().Output.Select(o => o.ToString()!).ToList();

        Assert.Equal(SampleExpectations.AcceptedEvents + 1, lines.Count);
        // EventTime comes first: the module's type data gives it (PowerShell lists those members before the .NET ones).
        Assert.Equal("\"EventTime\",\"Type\",\"Verb\",\"Key\",\"LastName\",\"AdrCity\",\"AdrState\",\"CustomerId\",\"Tags\",\"CameraMake\",\"CameraModel\",\"TotalAmount\",\"Currency\",\"AmountUsd\",\"Amount\"", lines[0]);
        // PowerShell 7 leaves a null field empty and unquoted.
        Assert.Equal("\"2017-01-06T12:45:52.041Z\",\"SITE_VISIT\",\"NEW\",\"ac05e815502f\",,,,\"96f55c7d8f42\",\"some key=some value\",,,,,,", lines[2]);
        Assert.Equal("\"2017-01-09T15:02:17Z\",\"ORDER\",\"UPDATE\",\"7a9c2e4b6d80\",,,,\"5e1a7c0b3d21\",,,,\"45.50\",\"USD\",\"45.50\",\"45.50 USD\"", lines[8]);
        Assert.Contains("\"campaign=winter-sale; device=mobile\"", lines[6]);
        Assert.All(lines, line => Assert.DoesNotContain("System.", line));
        Assert.Contains(lines[2], File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "output.md")));
    }

    [Fact]
    public void Weekly_columns_have_plain_numbers_and_ISO_week_starts()
    {
        using var ps = ModuleRunspace.Start();

        var lines = ps.Run("Get-LtvWeeklyMetrics samples/events.json -CustomerId 96f55c7d8f42" + Quiet + " | ConvertTo-Csv").Clean().Output.Select(o => o.ToString()).ToList();

        Assert.Equal(
            new[]
            {
                "\"WeekStart\",\"CustomerId\",\"Year\",\"Week\",\"SiteVisits\",\"Orders\",\"OrderAmount\",\"SpendPerVisit\"",
                "\"2017-01-01T00:00:00Z\",\"96f55c7d8f42\",\"2017\",\"1\",\"1\",\"1\",\"12.34\",\"12.34\"",
            },
            lines);
    }

    [Fact]
    public void Export_Csv_writes_the_customer_file_shown_in_the_README_and_Import_Csv_reads_it_back()
    {
        using var ps = ModuleRunspace.Start();
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "top.csv");

        var rows = ps.Run(
            "Get-TopLtvCustomer -Path samples/events.json -Top 3" + Quiet + " | Export-Csv -LiteralPath $args[0]; Import-Csv -LiteralPath $args[0]",
            csv).Clean();

        var lines = File.ReadAllLines(csv);
        Assert.Equal(
            new[]
            {
                "\"Rank\",\"CustomerId\",\"LastName\",\"City\",\"State\",\"SiteVisits\",\"Orders\",\"TotalSpend\",\"TotalWeeks\",\"SpendPerVisit\",\"VisitsPerWeek\",\"WeeklyValue\",\"Ltv\"",
                "\"1\",\"5e1a7c0b3d21\",\"Garcia\",\"Springfield\",\"IL\",\"2\",\"2\",\"165.50\",\"4\",\"82.75\",\"0.5\",\"41.38\",\"21515.00\"",
                "\"2\",\"c2b4d6e8f0a1\",\"Nguyen-Park\",\"Seattle\",\"WA\",\"2\",\"1\",\"89.99\",\"4\",\"45.00\",\"0.5\",\"22.50\",\"11698.70\"",
                "\"3\",\"96f55c7d8f42\",\"Smith\",\"Middletown\",\"AK\",\"1\",\"1\",\"12.34\",\"4\",\"12.34\",\"0.25\",\"3.09\",\"1604.20\"",
            },
            lines);
        var documented = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "output.md"));
        Assert.All(lines, line => Assert.Contains(line, documented));
        Assert.Equal(new[] { "5e1a7c0b3d21", "c2b4d6e8f0a1", "96f55c7d8f42" }, rows.Output.Select(r => r.Properties["CustomerId"].Value.ToString()));
        Assert.Equal("21515.00", rows.Output[0].Properties["Ltv"].Value.ToString());
    }

    [Fact]
    public void In_a_decimal_comma_culture_UseCulture_on_both_ends_gives_back_the_exact_amounts()
    {
        using var ps = ModuleRunspace.Start();
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "top.csv");

        // The README's advice for such cultures: numbers follow the session's culture, so the delimiter must too.
        var amounts = ps.Run(
            """
            $culture = [System.Threading.Thread]::CurrentThread.CurrentCulture
            [System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
            try {
                Get-TopLtvCustomer -Path samples/events.json -Top 3 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue |
                    Export-Csv -LiteralPath $args[0] -UseCulture
                Import-Csv -LiteralPath $args[0] -UseCulture | ForEach-Object { [decimal]::Parse($_.Ltv, [cultureinfo]::CurrentCulture) }
            }
            finally {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = $culture
            }
            """,
            csv).Clean();

        Assert.Equal(new[] { 21515.00m, 11698.70m, 1604.20m }, amounts.Output.Select(o => (decimal)o.BaseObject));
        Assert.Contains("\"21515,00\"", File.ReadAllText(csv));
    }

    [Theory]
    [InlineData("Export-Csv -LiteralPath $args[0]", "Import-Csv -LiteralPath $args[0]")]
    [InlineData("Export-Clixml -LiteralPath $args[0]", "Import-Clixml -LiteralPath $args[0]")]
    [InlineData("ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $args[0]", "Get-Content -LiteralPath $args[0] -Raw | ConvertFrom-Json")]
    [InlineData("ConvertTo-Json | Set-Content -LiteralPath $args[0]", "Get-Content -LiteralPath $args[0] -Raw | ConvertFrom-Json")]
    public void Events_saved_and_read_back_give_the_same_results_as_the_file(string save, string load)
    {
        using var ps = ModuleRunspace.Start();
        using var temp = new TempFolder();
        var saved = Path.Combine(temp.Path, "events.saved");
        // Amounts to two places: JSON numbers come back as doubles, so 165.50 may read back as 165.5 (the same amount).
        const string Customer = " | ForEach-Object { '{0} {1} {2} {3} {4:0.00} {5:0.00}' -f $_.Rank, $_.CustomerId, $_.LastName, $_.SiteVisits, $_.TotalSpend, $_.Ltv }";
        const string Week = " | ForEach-Object { '{0} {1} {2} {3} {4} {5:0.00}' -f $_.CustomerId, $_.Year, $_.Week, $_.SiteVisits, $_.Orders, $_.OrderAmount }";

        ps.Run("Import-LtvEvents samples/events.json" + Quiet + " | " + save, saved);
        var top = ps.Run(load + " | Get-TopLtvCustomer -Top 5 -Verbose" + Customer, saved).Clean();
        var weeks = ps.Run(load + " | Get-LtvWeeklyMetrics -IncludeEmptyWeeks" + Week, saved).Clean();

        Assert.Equal(ps.Run("Get-TopLtvCustomer samples/events.json -Top 5" + Quiet + Customer).Output.Select(o => o.ToString()), top.Output.Select(o => o.ToString()));
        Assert.Equal(ps.Run("Get-LtvWeeklyMetrics samples/events.json -IncludeEmptyWeeks" + Quiet + Week).Output.Select(o => o.ToString()), weeks.Output.Select(o => o.ToString()));
        Assert.Equal("1 5e1a7c0b3d21 Garcia 2 165.50 21515.00", top.Output[0].ToString());
        // Every saved event was taken (the sample's one duplicate visit is ignored again).
        Assert.Equal($"InputObject: {SampleExpectations.AcceptedEvents} read, {SampleExpectations.AcceptedEvents} accepted, 0 rejected, 1 duplicate ignored", Assert.Single(top.Verbose));
    }

    [Fact]
    public void Event_times_compare_with_dates_typed_in_PowerShell()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue | Where-Object EventTime -ge ([datetime]'2017-01-24') | ForEach-Object Key");

        Assert.Equal(new[] { "e2a4c6e8a0c3", "9c1e4a6b8d02", "f3b5d7f9b1d4", "a9e7c5a3e1f6", "a9e7c5a3e1f6" }, result.Output.Select(o => o.ToString()));
    }
}
