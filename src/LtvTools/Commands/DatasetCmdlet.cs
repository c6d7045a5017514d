using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// The aggregating cmdlets: events come from the pipeline (LtvEvent objects, or objects with the file's
/// property names) or from files read by the engine straight into one dataset; results are emitted at the end.
/// </summary>
/// <remarks>
/// The derived cmdlets make the InputObject set their default parameter set. PowerShell tries the default
/// set first when it binds each pipeline object, so an LtvEvent binds to -InputObject at once instead of
/// first failing to convert to -Path's string[]: that attempt cost more than aggregating the event. Strings
/// and file items that arrive this way are read as files, as -Path and -LiteralPath would read them.
/// </remarks>
public abstract class DatasetCmdlet : EventReadingCmdlet
{
    protected const string InputObjectSet = "InputObject";

    /// <summary>The source named in messages about pipeline input; its "line" is the object's position.</summary>
    private const string PipelineSource = "InputObject";

    private long _pipelineAccepted;
    private long _pipelineRejected;
    private bool _warnedRateNotApplied;

    // Piped events are aggregated on a thread of its own, so the pipeline thread only binds and hands over.
    private BackgroundDatasetWriter? _writer;

    /// <summary>An LtvEvent, or an object with the file's property names (type, verb, key, event_time, ...).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The week convention for the analysis window.</summary>
    [Parameter]
    public WeekStart WeekStart { get; set; } = WeekStart.Sunday;

    protected LtvDataset Dataset { get; } = new LtvDataset();

    protected LtvOptions Options { get; } = new LtvOptions();

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Options.WeekStart = WeekStart;
        Options.ExchangeRates = Rates;
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            TakeInputObject(InputObject);
            return;
        }

        foreach (var file in ResolveFiles())
        {
            IngestFile(file);
        }
    }

    protected override void EndProcessing()
    {
        FlushPipelineEvents();
        if (_pipelineAccepted + _pipelineRejected > 0)
        {
            WriteSummary(PipelineSource, _pipelineAccepted, _pipelineRejected, _writer?.DuplicatesIgnored ?? 0);
        }

        WriteResults();
        WriteRejectedWarning();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Emits the cmdlet's results from the complete <see cref="Dataset"/>.</summary>
    protected abstract void WriteResults();

    private void TakeInputObject(object? input)
    {
        // The hot path (Import-LtvEvents | ...): an LtvEvent, wrapped or not, goes straight in.
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (value is LtvEvent e)
        {
            WarnIfRateNotApplied(e);
            IngestPipelineEvent(e);
            return;
        }

        // A file item from Get-ChildItem binds here (it is an object too): read it as a file.
        if (value is FileSystemInfo item)
        {
            foreach (var file in ResolveFileItem(item))
            {
                IngestFile(file);
            }

            return;
        }

        if (value is null)
        {
            return;
        }

        // Strings piped in are paths, as they would be for -Path (the event set is tried first, see the class remarks).
        if (value is string path)
        {
            foreach (var file in ResolvePipedPath(path))
            {
                IngestFile(file);
            }

            return;
        }

        // -InputObject $events (an array given as an argument, not piped): take each element.
        if (value is IEnumerable items && !(value is string) && !(value is IDictionary))
        {
            foreach (var element in items)
            {
                TakeInputObject(element);
            }

            return;
        }

        var properties = PropertyBag.From(input!);
        if (TryTakePathObject(properties))
        {
            return;
        }

        if (EventRecord.TryFromProperties(properties, Rates, out var fromProperties, out var reason, out var json))
        {
            IngestPipelineEvent(fromProperties!);
        }
        else
        {
            RejectPipelineObject(reason, json);
        }
    }

    /// <summary>
    /// An object that names a file rather than an event (no 'type', but a Path, LiteralPath, PSPath or
    /// FullName property) is read as that file, as binding by property name to -Path or -LiteralPath would.
    /// </summary>
    private bool TryTakePathObject(List<KeyValuePair<string, object?>> properties)
    {
        string? path = null;
        var literal = false;
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, "type", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (property.Value is string text)
            {
                if (string.Equals(property.Key, "Path", StringComparison.OrdinalIgnoreCase))
                {
                    path = text;
                    literal = false;
                }
                else if (path is null && (string.Equals(property.Key, "LiteralPath", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(property.Key, "PSPath", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(property.Key, "FullName", StringComparison.OrdinalIgnoreCase)))
                {
                    path = text;
                    literal = true;
                }
            }
        }

        if (path is null)
        {
            return false;
        }

        foreach (var file in literal ? ResolvePipedLiteralPath(path) : ResolvePipedPath(path))
        {
            IngestFile(file);
        }

        return true;
    }

    /// <summary>
    /// An LtvEvent comes with its USD amount already worked out by whoever read it, so this cmdlet's
    /// -ExchangeRate does not change it: said once, at the first such event in another currency.
    /// </summary>
    private void WarnIfRateNotApplied(LtvEvent e)
    {
        if (_warnedRateNotApplied || Rates.Count == 0 || e.Currency is null || e.Currency == "USD")
        {
            return;
        }

        _warnedRateNotApplied = true;
        WriteWarning("-ExchangeRate was not applied to the piped LtvEvent objects: their USD amounts (AmountUsd) were worked out when they were read. Give -ExchangeRate to Import-LtvEvents instead.");
    }

    private void IngestPipelineEvent(LtvEvent e)
    {
        _writer ??= new BackgroundDatasetWriter(Dataset, StopToken);
        bool queued;
        string? problem;
        try
        {
            queued = _writer.TryAdd(e, out problem);
        }
        catch (OperationCanceledException ex) when (IsStop(ex))
        {
            throw new PipelineStoppedException();
        }

        // Events from Import-LtvEvents always pass; one built or changed by hand may not.
        if (queued)
        {
            _pipelineAccepted++;
        }
        else
        {
            RejectPipelineObject(problem!, e.ToString());
        }
    }

    private void RejectPipelineObject(string reason, string rawText)
    {
        _pipelineRejected++;
        WritePipelineRejection(new EventRejection(PipelineSource, _pipelineAccepted + _pipelineRejected, reason, rawText));
    }

    /// <summary>Waits until every piped event is in the dataset, before a file is read into it or results are made.</summary>
    private void FlushPipelineEvents()
    {
        try
        {
            _writer?.Flush();
        }
        catch (OperationCanceledException ex) when (IsStop(ex))
        {
            throw new PipelineStoppedException();
        }
    }

    private void IngestFile(string file)
    {
        FlushPipelineEvents();
        var ingestor = new FileIngestor(Options)
        {
            Rejected = WriteRejection,
            Progress = (done, total) => WriteFileProgress(file, done, total),
        };

        try
        {
            var summary = ingestor.IngestFile(file, Dataset, StopToken);
            CompleteFileProgress();
            WriteSummary(summary, withDuplicates: true);
        }
        catch (OperationCanceledException ex) when (IsStop(ex))
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (IsFileFailure(ex))
        {
            WriteReadFailure(file, ex);
        }
    }
}
