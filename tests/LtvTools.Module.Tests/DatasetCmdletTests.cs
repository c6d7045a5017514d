using System.Management.Automation;

namespace LtvTools.Module.Tests;

/// <summary>Issue 15: the dataset cmdlets as users run them.</summary>
public class DatasetCmdletTests
{
    /// <summary>Every figure of every customer and weekly row, one line each, to compare runs.</summary>
    private const string Figures =
        "ForEach-Object { $c = $_; ($c.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }) -join '|' }";

    private static string Order(string key, string customer, string time, string amount, string verb = "NEW") =>
        $"{{\"type\": \"ORDER\", \"verb\": \"{verb}\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"customer_id\": \"{customer}\", \"total_amount\": \"{amount}\"}}";

    private static string Visit(string key, string customer, string time) =>
        $"{{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"customer_id\": \"{customer}\"}}";

    [Fact]
    public void A_saved_and_loaded_dataset_ranks_and_reports_exactly_as_reading_the_file()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var saved = Path.Combine(folder.Path, "history[1].ltvd");
        var result = ps.Run(
            "New-LtvDataset -Path samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-LtvDataset -LiteralPath $args[0]; " +
            "$d = Import-LtvDataset -LiteralPath $args[0]; " +
            "$d.GetType().FullName; " +
            "($d | Get-TopLtvCustomer -Top 100 | " + Figures + ") -join \"`n\"; " +
            "(Get-TopLtvCustomer -Path samples/events.json -Top 100 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | " + Figures + ") -join \"`n\"; " +
            "(Get-LtvWeeklyMetrics -Dataset $d -IncludeEmptyWeeks | " + Figures + ") -join \"`n\"; " +
            "(Get-LtvWeeklyMetrics -Path samples/events.json -IncludeEmptyWeeks -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | " + Figures + ") -join \"`n\"",
            saved).Clean();

        Assert.Equal("LtvTools.Core.LtvDataset", result.Output[0].ToString());
        Assert.Contains("Rank=1|CustomerId=5e1a7c0b3d21", result.Output[1].ToString());
        Assert.Equal(result.Output[2].ToString(), result.Output[1].ToString());
        Assert.Equal(result.Output[4].ToString(), result.Output[3].ToString());
    }

    [Fact]
    public void Adding_day_two_to_a_loaded_day_one_equals_one_pass_over_both_days()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var day1 = folder.Write("day1.jsonl", string.Join("\n",
            Order("0a01", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Visit("0b01", "c1", "2020-01-01T11:00:00Z"),
            Order("0a02", "c2", "2020-01-02T10:00:00Z", "5.00 USD")));
        var day2 = folder.Write("day2.jsonl", string.Join("\n",
            Order("0a01", "c1", "2020-01-01T10:00:00Z", "10.00 USD"), // a duplicate of day 1
            Order("0a02", "c2", "2020-01-20T10:00:00Z", "7.50 USD", "UPDATE"), // replaces day 1's amount
            Visit("0b02", "c1", "2020-01-21T11:00:00Z"))); // the window grows
        var history = Path.Combine(folder.Path, "history.ltvd");

        var result = ps.Run(
            "New-LtvDataset -Path $args[0] | Export-LtvDataset -Path $args[2]; " +
            "$d = Import-LtvDataset $args[2]; " +
            "Import-LtvEvents $args[1] | Add-LtvEvent -Dataset $d; " +
            "$d | Export-LtvDataset -Path $args[2]; " +
            "$d = Import-LtvDataset $args[2]; " +
            "'{0} {1}' -f $d.EventsAccepted, $d.DuplicatesIgnored; " +
            "($d | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"; " +
            "(Get-TopLtvCustomer -Path $args[0], $args[1] | " + Figures + ") -join \"`n\"",
            day1, day2, history).Clean();

        Assert.Equal("6 1", result.Output[0].ToString());
        Assert.Equal(result.Output[2].ToString(), result.Output[1].ToString());
        Assert.Contains("CustomerId=c2|LastName=|City=|State=|SiteVisits=0|Orders=1|TotalSpend=7.50|TotalWeeks=4", result.Output[1].ToString());
    }

    [Fact]
    public void A_damaged_foreign_or_truncated_file_is_a_terminating_error_naming_the_file()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var good = Path.Combine(folder.Path, "good.ltvd");
        ps.Run("New-LtvDataset -Path samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-LtvDataset $args[0]", good);
        var bytes = File.ReadAllBytes(good);
        var cut = Path.Combine(folder.Path, "cut.ltvd");
        File.WriteAllBytes(cut, bytes[..^3]);

        foreach (var (file, reason) in new[] { (cut, "truncated"), (RepoPaths.Sample, "not a saved LtvTools dataset") })
        {
            // A cmdlet's terminating error ends its statement (no dataset is written); the script goes on.
            var result = ps.Run("Import-LtvDataset -LiteralPath $args[0]; 'after'", file);
            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidDatasetFile,LtvTools.Commands.ImportLtvDatasetCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.StartsWith(file + ": ", error.Exception.Message);
            Assert.Contains(reason, error.Exception.Message);
            Assert.Equal("after", Assert.Single(result.Output).ToString());
        }
    }

    [Fact]
    public void Different_exchange_rates_for_one_currency_are_refused_when_adding_and_merging()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var eu = folder.Write("eu.jsonl", Order("0a01", "c1", "2020-01-01T10:00:00Z", "10.00 EUR"));
        var result = ps.Run(
            "$a = New-LtvDataset -Path $args[0] -ExchangeRate @{ EUR = 1.08 }; " +
            "$b = Import-LtvEvents $args[0] -ExchangeRate @{ EUR = 1.10 } | New-LtvDataset; " +
            "try { Merge-LtvDataset -Dataset $a, $b } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }; " +
            "try { Add-LtvEvent -Dataset $a -Path $args[0] -ExchangeRate @{ EUR = 1.2 } } catch { $_.FullyQualifiedErrorId }; " +
            "$a.EventsAccepted",
            eu);

        Assert.Null(result.Terminating);
        Assert.Equal("ExchangeRateConflict,LtvTools.Commands.MergeLtvDatasetCommand", result.Output[0].ToString());
        Assert.Contains("EUR", result.Output[1].ToString());
        Assert.Equal("ExchangeRateConflict,LtvTools.Commands.AddLtvEventCommand", result.Output[2].ToString());
        Assert.Equal(1L, result.Output[3].BaseObject);
    }

    [Fact]
    public void Merging_inputs_in_either_order_and_piping_them_gives_one_result_and_changes_no_input()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var east = folder.Write("east.jsonl", string.Join("\n", Order("0a01", "c1", "2020-01-01T10:00:00Z", "10.00 USD"), Visit("0b01", "c2", "2020-01-01T11:00:00Z")));
        var west = folder.Write("west.jsonl", string.Join("\n", Order("0a01", "c1", "2020-01-01T10:00:00Z", "12.00 USD", "UPDATE"), Visit("0b02", "c2", "2020-01-09T11:00:00Z")));
        var result = ps.Run(
            "$e = New-LtvDataset -Path $args[0]; $w = New-LtvDataset -Path $args[1]; " +
            "(Merge-LtvDataset -Dataset $e, $w | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"; " +
            "($w, $e | Merge-LtvDataset | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"; " +
            "(Get-TopLtvCustomer -Path $args[1], $args[0] | " + Figures + ") -join \"`n\"; " +
            "(@($e, $w) | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"; " +
            "'{0} {1}' -f $e.EventsAccepted, $w.EventsAccepted",
            east, west).Clean();

        Assert.Contains("CustomerId=c1|LastName=|City=|State=|SiteVisits=0|Orders=1|TotalSpend=12.00", result.Output[0].ToString());
        Assert.Equal(result.Output[0].ToString(), result.Output[1].ToString());
        Assert.Equal(result.Output[0].ToString(), result.Output[2].ToString());
        Assert.Equal(result.Output[0].ToString(), result.Output[3].ToString());
        Assert.Equal("2 2", result.Output[4].ToString());
    }

    [Fact]
    public void Export_saves_one_dataset_per_file_and_a_serialized_dataset_comes_back_live()
    {
        using var ps = ModuleRunspace.Start();
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "two.ltvd");
        var result = ps.Run(
            "$d = New-LtvDataset -Path samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue; " +
            "try { $d, $d | Export-LtvDataset $args[0] } catch { $_.FullyQualifiedErrorId }; " +
            "$d | Export-LtvDataset $args[0] -WhatIf; " +
            "$back = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($d)); " +
            "$back.GetType().FullName; " +
            "($back | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"; " +
            "($d | Get-TopLtvCustomer | " + Figures + ") -join \"`n\"",
            target);

        Assert.Null(result.Terminating);
        Assert.Equal("MoreThanOneDataset,LtvTools.Commands.ExportLtvDatasetCommand", result.Output[0].ToString());
        Assert.True(File.Exists(target)); // the first dataset was saved before the second was refused
        Assert.Equal("LtvTools.Core.LtvDataset", result.Output[1].ToString());
        Assert.Equal(result.Output[3].ToString(), result.Output[2].ToString());
    }
}
