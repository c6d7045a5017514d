using System;

namespace LtvTools.Core;

/// <summary>How results are computed: the week convention, the customer lifespan and currency rates.</summary>
public sealed class LtvOptions
{
    private decimal _lifespanYears = DefaultLifespanYears;

    /// <summary>The customer lifespan t used unless <see cref="LifespanYears"/> is set: 10 years.</summary>
    public const decimal DefaultLifespanYears = 10m;

    /// <summary>An upper bound that keeps 52 × spend × lifespan far inside decimal's range.</summary>
    public const decimal MaxLifespanYears = 1000m;

    /// <summary>Fresh default options each time: one shared instance could be changed by one caller under another.</summary>
    public static LtvOptions Default => new LtvOptions();

    /// <summary>The first day of a week, for the analysis window and the weekly rows; Sunday unless set.</summary>
    public WeekStart WeekStart { get; set; } = WeekStart.Sunday;

    /// <summary>t in 52 × a × t; 10 years unless set.</summary>
    public decimal LifespanYears
    {
        get => _lifespanYears;
        set
        {
            if (value <= 0 || value > MaxLifespanYears)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The lifespan must be greater than zero and at most {MaxLifespanYears} years.");
            }

            _lifespanYears = value;
        }
    }

    /// <summary>Rates to USD used when reading files; events without one are rejected.</summary>
    public ExchangeRateTable ExchangeRates { get; set; } = ExchangeRateTable.UsdOnly;
}
