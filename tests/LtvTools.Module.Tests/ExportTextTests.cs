
namespace LtvTools.Module.Tests;

/// <summary>
/// Export-Csv writes ToString() of every property value. These tests take exactly those strings from
/// the objects in the runspace and check that every column is readable.
/// </summary>
public class ExportTextTests
{
    // Property name = value text, as Export-Csv would write the row (Export-Csv itself is not in the hosted engine).
    private const string CsvRow = " | ForEach-Object { $o = $_; ($o.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $(if ($null -ne $_.Value) { $_.Value.ToString() }) }) -join '|' }";

    [Fact]
    public void Event_columns_are_ISO_times_invariant_amounts_and_tags_as_text()
    {
        using var ps = ModuleRunspace.Start();

        var rows = ps.Run("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue" + CsvRow).Output.Select(o => o.ToString()!).ToList();

        Assert.Equal(SampleExpectations.AcceptedEvents, rows.Count);
        Assert.Equal("Type=SITE_VISIT|Verb=NEW|Key=ac05e815502f|EventTime=2017-01-06T12:45:52.041Z|LastName=|AdrCity=|AdrState=|CustomerId=96f55c7d8f42|Tags=some key=some value|CameraMake=|CameraModel=|TotalAmount=|Currency=|AmountUsd=", rows[1]);
        Assert.Equal("Type=ORDER|Verb=UPDATE|Key=7a9c2e4b6d80|EventTime=2017-01-09T15:02:17Z|LastName=|AdrCity=|AdrState=|CustomerId=5e1a7c0b3d21|Tags=|CameraMake=|CameraModel=|TotalAmount=45.50|Currency=USD|AmountUsd=45.50", rows[7]);
        Assert.Contains("Tags=campaign=winter-sale; device=mobile|", rows[5]);
        Assert.All(rows, row => Assert.DoesNotContain("System.", row));
    }

    [Fact]
    public void Customer_and_weekly_columns_have_plain_numbers_and_ISO_week_starts()
    {
        using var ps = ModuleRunspace.Start();

        var customer = ps.Run("Get-TopLtvCustomer samples/events.json -Top 1 -ErrorAction SilentlyContinue" + CsvRow).Output.Single().ToString();
        var week = ps.Run("Get-LtvWeeklyMetrics samples/events.json -CustomerId 96f55c7d8f42 -ErrorAction SilentlyContinue" + CsvRow).Output.Single().ToString();

        Assert.Equal("Rank=1|CustomerId=5e1a7c0b3d21|LastName=Garcia|City=Springfield|State=IL|SiteVisits=2|Orders=2|TotalSpend=165.50|TotalWeeks=4|SpendPerVisit=82.75|VisitsPerWeek=0.5|WeeklyValue=41.375|Ltv=21515.00", customer);
        Assert.Equal("CustomerId=96f55c7d8f42|Year=2017|Week=1|WeekStart=2017-01-01T00:00:00Z|SiteVisits=1|Orders=1|OrderAmount=12.34|SpendPerVisit=12.34", week);
    }

    [Fact]
    public void The_csv_rows_shown_in_the_README_are_what_the_customers_give()
    {
        using var ps = ModuleRunspace.Start();

        // Export-Csv (PowerShell 7) quotes every field and joins them with commas.
        var rows = ps.Run("Get-TopLtvCustomer -Path samples/events.json -Top 3 -ErrorAction SilentlyContinue | ForEach-Object { ($_.PSObject.Properties | ForEach-Object { '\"{0}\"' -f $_.Value }) -join ',' }").Output.Select(o => o.ToString());

        Assert.Equal(
            new[]
            {
                "\"1\",\"5e1a7c0b3d21\",\"Garcia\",\"Springfield\",\"IL\",\"2\",\"2\",\"165.50\",\"4\",\"82.75\",\"0.5\",\"41.375\",\"21515.00\"",
                "\"2\",\"c2b4d6e8f0a1\",\"Nguyen-Park\",\"Seattle\",\"WA\",\"2\",\"1\",\"89.99\",\"4\",\"44.995\",\"0.5\",\"22.4975\",\"11698.70\"",
                "\"3\",\"96f55c7d8f42\",\"Smith\",\"Middletown\",\"AK\",\"1\",\"1\",\"12.34\",\"4\",\"12.34\",\"0.25\",\"3.085\",\"1604.20\"",
            },
            rows);
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.All(rows, row => Assert.Contains(row, readme));
    }

    [Fact]
    public void Event_times_compare_with_dates_typed_in_PowerShell()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue | Where-Object EventTime -ge ([datetime]'2017-01-24') | ForEach-Object Key");

        Assert.Equal(new[] { "e2a4c6e8a0c3", "9c1e4a6b8d02", "f3b5d7f9b1d4", "a9e7c5a3e1f6", "a9e7c5a3e1f6" }, result.Output.Select(o => o.ToString()));
    }
}
