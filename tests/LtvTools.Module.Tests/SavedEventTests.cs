namespace LtvTools.Module.Tests;

/// <summary>
/// Events saved by the module's users and read back: Export-Csv in one culture and Import-Csv in another, the
/// amount read from the culture-free Amount column; pipeline objects follow the file's time rules.
/// </summary>
public class SavedEventTests
{
    private const string Quiet = " -ErrorAction SilentlyContinue -WarningAction SilentlyContinue";

    // Exact figures, written invariantly, so the comparison does not depend on the reading culture.
    private const string Customer = " | ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.Rank, $_.CustomerId, $_.Orders, $_.TotalSpend.ToString([cultureinfo]::InvariantCulture), $_.Ltv.ToString([cultureinfo]::InvariantCulture) }";

    /// <summary>Runs <paramref name="script"/> with the pipeline thread in <paramref name="culture"/> (culture is per thread).</summary>
    private static string InCulture(string culture, string script) =>
        $$"""
        $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
        [System.Threading.Thread]::CurrentThread.CurrentCulture = '{{culture}}'
        try { {{script}} } finally { [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved }
        """;

    public static TheoryData<string, string, bool> CulturePairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var writer in new[] { "en-US", "de-DE", "fr-FR" })
        {
            foreach (var reader in new[] { "en-US", "de-DE", "fr-FR" })
            {
                data.Add(writer, reader, false);
                data.Add(writer, reader, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CulturePairs))]
    public void Events_saved_with_Export_Csv_in_one_culture_read_back_the_same_in_another(string writer, string reader, bool useCulture)
    {
        using var ps = ModuleRunspace.Start();
        using var temp = new TempFolder();
        var csv = Path.Combine(temp.Path, "events.csv");

        // -UseCulture writes the writer's list separator; a reader elsewhere names it with -Delimiter.
        ps.Run(InCulture(writer, "Import-LtvEvents samples/events.json" + Quiet + " | Export-Csv -LiteralPath $args[0]" + (useCulture ? " -UseCulture" : "")), csv).Clean();
        var delimiter = useCulture ? $" -Delimiter '{System.Globalization.CultureInfo.GetCultureInfo(writer).TextInfo.ListSeparator}'" : "";
        var back = ps.Run(InCulture(reader, "Import-Csv -LiteralPath $args[0]" + delimiter + " | Get-TopLtvCustomer -Top 5" + Customer), csv).Clean();

        var fromFile = ps.Run("Get-TopLtvCustomer samples/events.json -Top 5" + Quiet + Customer).Clean();
        Assert.Equal(fromFile.Output.Select(o => o.ToString()), back.Output.Select(o => o.ToString()));
        Assert.Equal("1 5e1a7c0b3d21 2 165.50 21515.00", back.Output[0].ToString());

        // TotalAmount is written in the writer's culture, as PowerShell writes every number; Amount never is.
        var text = File.ReadAllText(csv);
        Assert.Contains(writer == "en-US" ? "\"12.34\"" : "\"12,34\"", text);
        Assert.Contains("\"12.34 USD\"", text);
    }

    [Fact]
    public void Without_an_Amount_column_a_TotalAmount_is_read_in_invariant_digits_only_and_never_guessed()
    {
        using var ps = ModuleRunspace.Start();

        // "1,234" could be 1.234 or 1234: rejected in every culture. "1.234" is 1.234 in every culture.
        var result = ps.Run(InCulture("de-DE", """
            @(
                [pscustomobject]@{ Type = 'ORDER'; Verb = 'NEW'; Key = 'o1'; EventTime = '2017-01-06T12:00:00Z'; CustomerId = 'c1'; TotalAmount = '1,234'; Currency = 'USD' }
                [pscustomobject]@{ Type = 'ORDER'; Verb = 'NEW'; Key = 'o2'; EventTime = '2017-01-06T12:00:00Z'; CustomerId = 'c2'; TotalAmount = '1.234'; Currency = 'USD' }
            ) | Get-TopLtvCustomer -ErrorVariable bad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object { $_.CustomerId + ' ' + $_.TotalSpend.ToString([cultureinfo]::InvariantCulture) }
            $bad | ForEach-Object { $_.Exception.Message }
            """));

        Assert.Equal(new[] { "c2 1.23", "InputObject:1: total_amount '1,234 USD' is not a decimal amount such as \"12.34 USD\"" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Amount_is_preferred_to_TotalAmount_and_Currency()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            [pscustomobject]@{ Type = 'ORDER'; Verb = 'NEW'; Key = 'o1'; EventTime = '2017-01-06T12:00:00Z'; CustomerId = 'c1'; TotalAmount = '99,00'; Currency = 'USD'; Amount = '12.34 EUR' } |
                Get-TopLtvCustomer -ExchangeRate @{ EUR = 2 } | ForEach-Object { $_.TotalSpend.ToString([cultureinfo]::InvariantCulture) }
            """).Clean();

        Assert.Equal("24.68", Assert.Single(result.Output).ToString());
    }

    [Theory]
    [InlineData("2017-01-08T00:30:00", null)]
    [InlineData("2017-01-08T00:30:00Z", "2017-01-08")]
    [InlineData("2017-01-08T00:30:00+02:00", "2017-01-01")]
    public void Times_from_ConvertFrom_Json_follow_the_file_rule(string time, string? weekStart)
    {
        using var ps = ModuleRunspace.Start();

        // ConvertFrom-Json turns these into DateTimes of kind Unspecified, Utc and Local. Sunday 00:30 at +02:00
        // is Saturday in UTC, so it falls in the week before.
        var json = $$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "{{time}}", "customer_id": "c1"}""";
        var piped = ps.Run(
            "$args[0] | ConvertFrom-Json | Get-LtvWeeklyMetrics -ErrorVariable bad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object { $_.WeekStart.ToString('yyyy-MM-dd') }; $bad | ForEach-Object { $_.Exception.Message }",
            json);
        var fromFile = EventFromFileReason(ps, json);

        if (weekStart is null)
        {
            Assert.Equal($"InputObject:1: event_time '{time}' has no UTC offset (end it with Z or an offset such as +02:00)", Assert.Single(piped.Output).ToString());
            Assert.EndsWith($": event_time '{time}' has no UTC offset (end it with Z or an offset such as +02:00)", fromFile);
        }
        else
        {
            Assert.Equal(weekStart, Assert.Single(piped.Output).ToString());
            Assert.Empty(fromFile);
        }
    }

    [Fact]
    public void DateTimes_of_each_kind_and_DateTimeOffsets_are_taken_by_the_same_rule()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("""
            $local = [datetime]::SpecifyKind([datetime]'2017-01-10 12:30:00', 'Local')
            @(
                @{ type = 'SITE_VISIT'; verb = 'NEW'; key = 'unspecified'; event_time = [datetime]'2017-01-10 10:30:00'; customer_id = 'c1' }
                @{ type = 'SITE_VISIT'; verb = 'NEW'; key = 'utc'; event_time = [datetime]::SpecifyKind([datetime]'2017-01-10 10:30:00', 'Utc'); customer_id = 'c1' }
                @{ type = 'SITE_VISIT'; verb = 'NEW'; key = 'local'; event_time = $local; customer_id = 'c1' }
                @{ type = 'SITE_VISIT'; verb = 'NEW'; key = 'offset'; event_time = [datetimeoffset]'2017-01-10T12:30:00+02:00'; customer_id = 'c1' }
            ) | Get-LtvWeeklyMetrics -ErrorVariable bad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object SiteVisits
            $bad | ForEach-Object { $_.Exception.Message }
            $local.ToUniversalTime().ToString('o')
            """);

        Assert.Equal("3", result.Output[0].ToString());
        Assert.Equal("InputObject:1: event_time '2017-01-10T10:30:00' has no UTC offset (end it with Z or an offset such as +02:00)", result.Output[1].ToString());
        Assert.Equal(3, result.Output.Count);
    }

    private static string EventFromFileReason(ModuleRunspace ps, string json)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "one.jsonl");
        File.WriteAllText(path, json + "\n");
        var result = ps.Run("Import-LtvEvents -LiteralPath $args[0] -ErrorVariable bad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null; $bad | ForEach-Object { $_.Exception.Message }", path);
        return result.Output.Count == 0 ? string.Empty : result.Output.Single().ToString();
    }
}
