using LtvTools.Core;

namespace LtvTools.Reliability.Tests;

/// <summary>Issue 5, "There is no static mutable state": runspaces in one process share the loaded engine.</summary>
public class StaticStateTests
{
    [Fact]
    public void CoreHasNoStaticStateACallerCouldChange()
    {
        Assert.Empty(StaticState.MutableIn(typeof(LtvDataset).Assembly));
    }

    /// <summary>Regression: LtvOptions.Default was one shared instance with setters (Core fix).</summary>
    [Fact]
    public void ChangingTheDefaultOptionsChangesNoOneElsesDefaults()
    {
        LtvOptions.Default.LifespanYears = 3m;
        LtvOptions.Default.WeekStart = WeekStart.Monday;

        Assert.Equal(LtvOptions.DefaultLifespanYears, LtvOptions.Default.LifespanYears);
        Assert.Equal(WeekStart.Sunday, LtvOptions.Default.WeekStart);
    }

    [Fact]
    public void FieldNamesCannotBeChangedThroughACast()
    {
        var names = LtvEvent.FieldNames;

        Assert.False(names is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)names)[0] = "changed");
    }
}
