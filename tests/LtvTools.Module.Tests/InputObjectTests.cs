namespace LtvTools.Module.Tests;

/// <summary>Objects with the file's property names (as ConvertFrom-Json makes them) bound through -InputObject.</summary>
public class InputObjectTests
{
    // The sample's events as PowerShell objects: what `Get-Content x.jsonl | ConvertFrom-Json` gives
    // (PSCustomObjects, nested tag objects, event_time already a DateTime).
    private const string SampleObjects = @"
        $t = { param($s) [datetime]::Parse($s, [cultureinfo]::InvariantCulture, 'AdjustToUniversal') }
        [pscustomobject]@{ type = 'CUSTOMER'; verb = 'NEW'; key = '96f55c7d8f42'; event_time = (& $t '2017-01-06T12:46:46.384Z'); last_name = 'Smith'; adr_city = 'Middletown'; adr_state = 'AK' }
        [pscustomobject]@{ type = 'SITE_VISIT'; verb = 'NEW'; key = 'ac05e815502f'; event_time = (& $t '2017-01-06T12:45:52.041Z'); customer_id = '96f55c7d8f42'; tags = @([pscustomobject]@{ 'some key' = 'some value' }) }
        [pscustomobject]@{ type = 'ORDER'; verb = 'NEW'; key = '68d84e5d1a43'; event_time = '2017-01-06T12:55:55.555Z'; customer_id = '96f55c7d8f42'; total_amount = '12.34 USD' }
        @{ type = 'ORDER'; verb = 'NEW'; key = '7a9c2e4b6d80'; event_time = '2017-01-28T09:31:40Z'; customer_id = '5e1a7c0b3d21'; total_amount = '40.00 USD' }
        [pscustomobject]@{ type = 'REFUND'; verb = 'NEW'; key = '1d2c3b4a5f60'; event_time = '2017-01-29T10:00:00.000Z'; customer_id = '5e1a7c0b3d21' }
    ";

    [Fact]
    public void Objects_with_the_file_property_names_are_validated_and_ranked_like_file_records()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("& { " + SampleObjects + " } | Get-TopLtvCustomer -Verbose | ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.Rank, $_.CustomerId, $_.LastName, $_.TotalSpend, $_.TotalWeeks }");

        // 2017-01-06 .. 2017-01-28: 4 Sunday weeks.
        Assert.Equal(new[] { "1 5e1a7c0b3d21  40.00 4", "2 96f55c7d8f42 Smith 12.34 4" }, result.Output.Select(o => o.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal("InputObject:5: unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)", error.Exception.Message);
        Assert.Equal("{\"type\":\"REFUND\",\"verb\":\"NEW\",\"key\":\"1d2c3b4a5f60\",\"event_time\":\"2017-01-29T10:00:00.000Z\",\"customer_id\":\"5e1a7c0b3d21\"}", error.TargetObject);
        Assert.Equal("InputObject: 5 read, 4 accepted, 1 rejected, 0 duplicates ignored", Assert.Single(result.Verbose));
    }

    [Fact]
    public void Get_Content_and_ConvertFrom_Json_output_ranks_like_the_file_itself()
    {
        // The challenge's own sample as NDJSON, one event a line, read by the real Get-Content and ConvertFrom-Json.
        var challenge = RepoPaths.ChallengeSample;
        using var dir = new TempFolder();
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(challenge)))
        {
            dir.Write("challenge.jsonl", string.Join("\n", document.RootElement.EnumerateArray().Select(e => e.GetRawText())) + "\n");
        }

        using var ps = ModuleRunspace.Start();
        const string Row = " | ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.Rank, $_.CustomerId, $_.Orders, $_.TotalWeeks, $_.Ltv }";

        var piped = ps.Run("Get-Content $args[0] | ConvertFrom-Json | Get-TopLtvCustomer -Top 3" + Row, Path.Combine(dir.Path, "challenge.jsonl")).Clean();
        var fromFile = ps.Run("Get-TopLtvCustomer -Path $args[0] -Top 3" + Row, challenge).Clean();

        Assert.Equal("1 96f55c7d8f42 1 1 6416.80", piped.Output[0].ToString());
        Assert.Equal(fromFile.Output.Select(o => o.ToString()), piped.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_event_changed_so_that_it_cannot_be_counted_is_an_error_and_the_rest_still_count()
    {
        using var ps = ModuleRunspace.Start();

        // An order whose currency was changed by hand has no USD amount any more.
        var result = ps.Run(@"
            $changed = $false
            Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue | ForEach-Object {
                if (-not $changed -and $_.Type -eq 'ORDER') { $_.Currency = 'EUR'; $_.AmountUsd = $null; $changed = $true; $script:key = $_.Key }
                $_
            } | Get-TopLtvCustomer -Top 3 -Verbose | ForEach-Object { $_.CustomerId }");

        Assert.Equal(3, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Matches("^InputObject:[0-9]+: ORDER [0-9a-f]+ has no USD amount: read it with an exchange rate for EUR.$", error.Exception.Message);
        Assert.Matches("^InputObject: ([0-9]+) read, [0-9]+ accepted, 1 rejected, [0-9]+ duplicates? ignored$", Assert.Single(result.Verbose));
    }

    [Fact]
    public void An_array_given_to_InputObject_is_taken_element_by_element()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("$events = Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue; Get-TopLtvCustomer -InputObject $events -Top 3");

        SampleExpectations.AssertTopThree(result);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Nested_tag_objects_and_DateTime_times_keep_their_meaning()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("& { " + SampleObjects + " } | Get-LtvWeeklyMetrics -CustomerId 96f55c7d8f42 -ErrorAction SilentlyContinue | ForEach-Object { '{0} {1}-W{2} {3} {4} {5} {6}' -f $_.CustomerId, $_.Year, $_.Week, $_.WeekStart, $_.SiteVisits, $_.Orders, $_.OrderAmount }");

        Assert.Equal("96f55c7d8f42 2017-W1 2017-01-01T00:00:00Z 1 1 12.34", result.Output.Single().ToString());
    }

    [Fact]
    public void Pipeline_LtvEvents_and_file_records_are_interchangeable()
    {
        using var ps = ModuleRunspace.Start();

        var viaObjects = ps.Run("Import-LtvEvents samples/events.json -ErrorAction SilentlyContinue | Get-LtvWeeklyMetrics -IncludeEmptyWeeks | ForEach-Object { \"$($_.CustomerId) $($_.Week) $($_.SiteVisits) $($_.Orders) $($_.OrderAmount) $($_.SpendPerVisit)\" }");
        var viaFile = ps.Run("Get-LtvWeeklyMetrics samples/events.json -IncludeEmptyWeeks -ErrorAction SilentlyContinue | ForEach-Object { \"$($_.CustomerId) $($_.Week) $($_.SiteVisits) $($_.Orders) $($_.OrderAmount) $($_.SpendPerVisit)\" }");

        Assert.Equal(16, viaObjects.Output.Count);
        Assert.Equal(viaObjects.Output.Select(o => o.ToString()), viaFile.Output.Select(o => o.ToString()));
    }
}
