namespace LtvTools.Module.Tests;

public class TopCustomerTests
{
    [Fact]
    public void Import_piped_to_Get_TopLtvCustomer_ranks_the_sample_with_exact_values()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run("Import-LtvEvents samples/events.json | Get-TopLtvCustomer -Top 3");

        Assert.Null(result.Terminating);
        SampleExpectations.AssertTopThree(result);
        SampleExpectations.AssertRefundRejected(result, "ImportLtvEventsCommand", RepoPaths.Sample);
    }

    [Fact]
    public void The_Path_form_reads_files_directly_and_gives_the_same_customers_as_the_pipeline_form()
    {
        using var ps = ModuleRunspace.Start();
        const string Properties = "Rank, CustomerId, LastName, City, State, SiteVisits, Orders, TotalSpend, TotalWeeks, SpendPerVisit, VisitsPerWeek, WeeklyValue, Ltv";
        var fields = "ForEach-Object { $c = $_; (('" + Properties.Replace(", ", "','") + "') | ForEach-Object { $c.$_ }) -join '|' }";

        var piped = ps.Run("Import-LtvEvents samples/events.json | Get-TopLtvCustomer -Top 100 | " + fields);
        var direct = ps.Run("Get-TopLtvCustomer -Path samples/events.json -Top 100 | " + fields);
        var positional = ps.Run("'samples/events.json' | Get-TopLtvCustomer -Top 100 | " + fields);

        Assert.Equal(4, piped.Output.Count); // includes the visit-only customer 0f1e2d3c4b5a with LTV 0
        Assert.Equal("4|0f1e2d3c4b5a||||1|0|0.00|4|0.00|0.25|0.00|0.00", piped.Output[3].ToString());
        Assert.Equal(piped.Output.Select(o => o.ToString()), direct.Output.Select(o => o.ToString()));
        Assert.Equal(piped.Output.Select(o => o.ToString()), positional.Output.Select(o => o.ToString()));
        SampleExpectations.AssertRefundRejected(direct, "GetTopLtvCustomerCommand", RepoPaths.Sample);
    }

    [Fact]
    public void Empty_input_gives_no_customers_and_no_error()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("@() | Get-TopLtvCustomer; @() | Get-LtvWeeklyMetrics -IncludeEmptyWeeks").Clean();

        Assert.Empty(result.Output);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Top_0_is_rejected_by_parameter_validation_before_anything_is_read()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run("Get-TopLtvCustomer -Path samples/events.json -Top 0");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ParameterArgumentValidationError,LtvTools.Commands.GetTopLtvCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Top'", error.Exception.Message);
    }

    [Fact]
    public void LifespanYears_scales_the_ltv_and_must_be_above_zero_and_at_most_1000()
    {
        using var ps = ModuleRunspace.Start();
        var five = ps.Run("Get-TopLtvCustomer -Path samples/events.json -Top 1 -LifespanYears 2.5 -ErrorAction SilentlyContinue | ForEach-Object Ltv");
        Assert.Equal(5378.75m, five.Output.Single().BaseObject); // 52 x 2.5 x 165.50 / 4

        var zero = ps.Run("Get-TopLtvCustomer -Path samples/events.json -LifespanYears 0");
        Assert.Equal("ParameterArgumentValidationError,LtvTools.Commands.GetTopLtvCustomerCommand", Assert.Single(zero.Errors).FullyQualifiedErrorId);
        Assert.Empty(zero.Output);

        var absurd = ps.Run("Get-TopLtvCustomer -Path samples/events.json -LifespanYears 1001");
        Assert.Equal("ParameterArgumentValidationError,LtvTools.Commands.GetTopLtvCustomerCommand", Assert.Single(absurd.Errors).FullyQualifiedErrorId);
        Assert.Empty(absurd.Output);
    }

    [Fact]
    public void WeekStart_Monday_changes_the_window_where_a_Sunday_and_a_Monday_event_meet()
    {
        using var dir = new TempFolder();
        var file = dir.Write("edge.jsonl",
            "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-08T10:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"100.00 USD\"}\n" +
            "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-09T10:00:00Z\", \"customer_id\": \"c1\"}\n");
        using var ps = ModuleRunspace.Start();

        var sunday = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] | ForEach-Object { '{0} {1}' -f $_.TotalWeeks, $_.Ltv }", file).Clean();
        var monday = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -WeekStart Monday | ForEach-Object { '{0} {1}' -f $_.TotalWeeks, $_.Ltv }", file).Clean();

        Assert.Equal("1 52000.00", sunday.Output.Single().ToString());
        Assert.Equal("2 26000.00", monday.Output.Single().ToString());
    }

    [Fact]
    public void ExchangeRate_converts_other_currencies_and_without_a_rate_the_order_is_rejected()
    {
        using var dir = new TempFolder();
        var file = dir.Write("eur.jsonl",
            "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-08T10:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"100.00 EUR\"}\n" +
            "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o2\", \"event_time\": \"2017-01-08T11:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"10.00 USD\"}\n");
        using var ps = ModuleRunspace.Start();

        var withRate = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -ExchangeRate @{ EUR = 1.08 } | ForEach-Object TotalSpend", file).Clean();
        Assert.Equal(118.00m, withRate.Output.Single().BaseObject);

        var without = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] | ForEach-Object TotalSpend", file);
        Assert.Equal(10.00m, without.Output.Single().BaseObject);
        var error = Assert.Single(without.Errors);
        Assert.StartsWith($"{file}:1: currency 'EUR' has no rate", error.Exception.Message);

        var imported = ps.Run("Import-LtvEvents -LiteralPath $args[0] -ExchangeRate @{ EUR = '1.08' } | ForEach-Object { '{0} {1} {2}' -f $_.TotalAmount, $_.Currency, $_.AmountUsd }", file).Clean();
        Assert.Equal(new[] { "100.00 EUR 108.0000", "10.00 USD 10.00" }, imported.Output.Select(o => o.ToString()));

        var bad = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -ExchangeRate @{ EUR = -1 }", file);
        Assert.Empty(bad.Output);
        var badError = Assert.Single(bad.Errors);
        Assert.Equal("InvalidExchangeRate,LtvTools.Commands.GetTopLtvCustomerCommand", badError.FullyQualifiedErrorId);
        Assert.Equal(
            "-ExchangeRate needs currency = rate to USD pairs with rates above zero, for example @{ EUR = 1.08 }: The rate for 'EUR' must be greater than zero.",
            badError.Exception.Message);

        var usd = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -ExchangeRate @{ EUR = 1.08; USD = 2 }", file);
        Assert.Empty(usd.Output);
        Assert.EndsWith("USD is the currency results are in, so its rate is 1, not 2; leave it out.", Assert.Single(usd.Errors).Exception.Message);
    }
}
