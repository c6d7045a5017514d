using System;
using System.Collections.Generic;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>The cmdlets that summarise a dataset's orders per customer (recency, frequency, monetary value).</summary>
public abstract class SummaryCmdlet : DatasetResultCmdlet
{
    /// <summary>
    /// The end of the calibration period: orders placed after it are left out. Default: the latest accepted
    /// event of any type in the input. A time without a zone is taken as UTC.
    /// </summary>
    [Parameter]
    public DateTime? CalibrationEnd { get; set; }

    /// <summary>The unit of Recency, T and the forecast horizon: Week (default) or Day.</summary>
    [Parameter]
    public ForecastTimeUnit TimeUnit { get; set; } = ForecastTimeUnit.Week;

    /// <summary>The summaries of every customer with an order in the calibration period, sorted by CustomerId.</summary>
    protected IReadOnlyList<LtvCustomerSummary> Summarize()
    {
        UtcTimestamp? end = null;
        if (CalibrationEnd.HasValue)
        {
            var value = CalibrationEnd.Value;
            end = new UtcTimestamp(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
        }

        return CustomerForecast.Summarize(WorkingDataset, end, TimeUnit);
    }
}
