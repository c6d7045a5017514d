using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>A pipeline end that binds each input by type (no coercion, no property lookups) and only counts it.</summary>
public abstract class CountingCmdlet<T> : PSCmdlet
    where T : class
{
    private long _count;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public T? InputObject { get; set; }

    protected override void ProcessRecord() => _count++;

    protected override void EndProcessing() => WriteObject(_count);
}
