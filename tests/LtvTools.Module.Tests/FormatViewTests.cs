namespace LtvTools.Module.Tests;

/// <summary>The default views of LtvTools.format.ps1xml, rendered by Out-Default as a console shows them.</summary>
public class FormatViewTests
{
    private static string Render(string script)
    {
        var host = new TextHost();
        using var ps = ModuleRunspace.Start(host);
        ps.Run(script + " | Out-Default");
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
    public void Customers_show_Rank_CustomerId_LastName_Orders_TotalSpend_TotalWeeks_and_Ltv_with_two_decimals()
    {
        var lines = Lines(Render("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-TopLtvCustomer -Top 3"));

        Assert.Equal(
            new[]
            {
                "Rank CustomerId     LastName      Orders   TotalSpend TotalWeeks            Ltv",
                "---- ----------     --------      ------   ---------- ----------            ---",
                "   1 5e1a7c0b3d21   Garcia             2       165.50          4       21515.00",
                "   2 c2b4d6e8f0a1   Nguyen-Park        1        89.99          4       11698.70",
                "   3 96f55c7d8f42   Smith              1        12.34          4        1604.20",
            },
            lines);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void Weekly_metrics_show_the_week_start_as_a_date_and_money_with_two_decimals()
    {
        var lines = Lines(Render("Get-LtvWeeklyMetrics samples/events.json -CustomerId 5e1a* -IncludeEmptyWeeks -ErrorAction SilentlyContinue -WarningAction SilentlyContinue"));

        Assert.Equal("CustomerId    Year Week WeekStart  SiteVisits Orders  OrderAmount SpendPerVisit", lines[0]);
        Assert.Equal("5e1a7c0b3d21  2017    1 2017-01-01          0      0         0.00", lines[2]);
        Assert.Equal("5e1a7c0b3d21  2017    2 2017-01-08          1      1        45.50         45.50", lines[3]);
        Assert.Equal(6, lines.Length);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void Events_show_type_key_ISO_time_customer_and_amount()
    {
        var lines = Lines(Render("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Where-Object Type -eq ORDER"));

        Assert.Equal("Type       Verb   Key          EventTime                CustomerId   LastName             Amount", lines[0]);
        Assert.Equal("ORDER      NEW    68d84e5d1a43 2017-01-06T12:55:55.555Z 96f55c7d8f42                   12.34 USD", lines[2]);
        Assert.Equal(7, lines.Length);
    }
}
