namespace LtvTools.Benchmarks;

/// <summary>How many lines of each kind a generator run wrote.</summary>
internal sealed class GeneratedCounts
{
    public long CustomerNew { get; set; }

    public long CustomerUpdates { get; set; }

    public long Visits { get; set; }

    public long Images { get; set; }

    public long Orders { get; set; }

    public long OrderUpdates { get; set; }

    public long Duplicates { get; set; }

    public long Total => CustomerNew + CustomerUpdates + Visits + Images + Orders + OrderUpdates + Duplicates;

    public override string ToString() =>
        $"{Total:N0} lines: {Visits:N0} SITE_VISIT, {Images:N0} IMAGE, {Orders:N0} ORDER NEW, {OrderUpdates:N0} ORDER UPDATE, " +
        $"{CustomerNew:N0} CUSTOMER NEW, {CustomerUpdates:N0} CUSTOMER UPDATE, {Duplicates:N0} exact duplicates";
}
