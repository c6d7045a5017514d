namespace LtvTools.Module.Tests;

/// <summary>The default views of LtvTools.format.ps1xml, rendered by Out-Default as a console shows them.</summary>
public class FormatViewTests
{
    /// <summary>The width of a default terminal, for which the views are designed.</summary>
    private const int Terminal80 = 80;

    private static string Render(string script, int width = 120, params object?[] arguments)
    {
        var host = new TextHost(width);
        using var ps = ModuleRunspace.Start(host);
        ps.Run(script + " | Out-Default", arguments);
        return host.Text;
    }

    // Header colours are ANSI sequences; the layout is what is checked.
    private static string[] Lines(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

    [Fact]
    public void The_format_file_loads_with_the_module_without_errors()
    {
        using var ps = ModuleRunspace.Start();

        var formats = ps.Run("(Get-Module LtvTools).ExportedFormatFiles | ForEach-Object { [System.IO.Path]::GetFileName($_) }").Clean();

        Assert.Equal("LtvTools.format.ps1xml", formats.Output.Single().ToString());
        Assert.Empty(ps.ImportResult.Errors);
        Assert.Empty(ps.ImportResult.Warnings);
    }

    [Fact]
    public void Customers_show_Rank_CustomerId_Orders_TotalSpend_and_Ltv_with_two_decimals_in_80_columns()
    {
        var lines = Lines(Render("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-TopLtvCustomer -Top 3", Terminal80));

        Assert.Equal(
            new[]
            {
                "Rank CustomerId                           Orders     TotalSpend             Ltv",
                "---- ----------                           ------     ----------             ---",
                "   1 5e1a7c0b3d21                              2         165.50        21515.00",
                "   2 c2b4d6e8f0a1                              1          89.99        11698.70",
                "   3 96f55c7d8f42                              1          12.34         1604.20",
            },
            lines);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void Weekly_metrics_show_the_week_start_as_a_date_and_money_with_two_decimals_in_80_columns()
    {
        var lines = Lines(Render("Get-LtvWeeklyMetrics samples/events.json -CustomerId 5e1a* -IncludeEmptyWeeks -ErrorAction SilentlyContinue -WarningAction SilentlyContinue", Terminal80));

        Assert.Equal("CustomerId                           WeekStart  SiteVisits Orders   OrderAmount", lines[0]);
        Assert.Equal("5e1a7c0b3d21                         2017-01-01          0      0          0.00", lines[2]);
        Assert.Equal("5e1a7c0b3d21                         2017-01-08          1      1         45.50", lines[3]);
        Assert.Equal(6, lines.Length);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void Events_show_type_verb_ISO_time_customer_and_amount_in_80_columns()
    {
        // The README's example: before, the fixed widths added up to 96 columns and the Amount column was dropped.
        var lines = Lines(Render("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Where-Object Type -eq ORDER", Terminal80));

        Assert.Equal("Type       Verb   EventTime                CustomerId                   Amount", lines[0]);
        Assert.Equal("ORDER      NEW    2017-01-06T12:55:55.555Z 96f55c7d8f42              12.34 USD", lines[2]);
        Assert.Equal("ORDER      UPDATE 2017-01-09T15:02:17Z     5e1a7c0b3d21              45.50 USD", lines[4]);
        Assert.Equal(7, lines.Length);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void In_80_columns_no_view_hides_a_36_character_id_or_a_large_amount()
    {
        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "wide.jsonl");
        File.WriteAllLines(path, new[]
        {
            """{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b", "total_amount": "123456789012.34 USD"}""",
            """{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "2017-01-06T13:00:00Z", "customer_id": "3f2a1b4c-5d6e-4f70-8a9b-ffffffffffff", "total_amount": "1.50 USD"}""",
        });

        var customers = Lines(Render("Get-TopLtvCustomer -LiteralPath $args[0]", Terminal80, path));
        var weeks = Lines(Render("Get-LtvWeeklyMetrics -LiteralPath $args[0]", Terminal80, path));
        var events = Lines(Render("Import-LtvEvents -LiteralPath $args[0]", Terminal80, path));

        foreach (var table in new[] { customers, weeks, events })
        {
            Assert.All(table, line => Assert.True(line.Length < 80, line));
            Assert.All(table, line => Assert.DoesNotContain("…", line));
        }

        // The customer and weekly tables give an id its 36 columns; amounts too wide for their column wrap.
        Assert.Equal("   1 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b      1 123456789012.3 64197530286416.", customers[2]);
        Assert.EndsWith("4              80", customers[3]);
        Assert.Equal("   2 3f2a1b4c-5d6e-4f70-8a9b-ffffffffffff      1           1.50          780.00", customers[4]);
        Assert.StartsWith("3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b 2017-01-01          0      1 123456789012.", weeks[2]);
        Assert.StartsWith("3f2a1b4c-5d6e-4f70-8a9b-ffffffffffff", weeks[4]);

        // The event table has two ids' worth of room for neither: the customer id wraps in its column, in full.
        Assert.Equal("ORDER      NEW    2017-01-06T12:00:00Z     3f2a1b4c-5d6e-4f70- 123456789012.34", events[2]);
        Assert.Equal(new string(' ', 43) + "8a9b-0c1d2e3f4a5b               USD", events[3]);
        Assert.Equal("ORDER      NEW    2017-01-06T13:00:00Z     3f2a1b4c-5d6e-4f70-        1.50 USD", events[4]);
        Assert.Equal(new string(' ', 43) + "8a9b-ffffffffffff", events[5]);
    }
}
