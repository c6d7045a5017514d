using System;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// The cmdlets that fill a dataset: events come from the pipeline (LtvEvent objects, or objects with the
/// file's property names) or from files read by the engine straight into one dataset; what the cmdlet gives
/// back (results, or the dataset) is emitted at the end.
/// </summary>
/// <remarks>
/// One parameter set, in which only -InputObject takes pipeline input. PowerShell resolves the parameter set
/// anew for every piped object and tries each pipeline-bound parameter in turn, which cost more per object
/// than aggregating the event when -Path and -LiteralPath had sets of their own. Strings, file items and
/// objects naming a file still arrive on -InputObject and are read as files (<see cref="PipedInputRouter"/>).
/// With one set PowerShell cannot refuse conflicting inputs itself, so <see cref="BeginProcessing"/> does:
/// -Path with -LiteralPath, either with -InputObject, either with piped objects, or no input at all.
/// </remarks>
public abstract class DatasetCmdlet : EventReadingCmdlet, IPipedInputSink
{
    /// <summary>The source named in messages about pipeline input; its "line" is the object's position.</summary>
    private const string PipelineSource = "InputObject";

    private long _pipelineAccepted;
    private long _pipelineRejected;
    private bool _warnedRateNotApplied;
    private PipedInputRouter? _router;

    // True once anything is in the working dataset; while a piped dataset is only read (see TakeDataset), borrowed.
    private bool _anyInput;
    private bool _borrowed;

    // Piped events are aggregated on a thread of its own, so the pipeline thread only binds and hands over.
    private BackgroundDatasetWriter? _writer;

    /// <summary>Event files; wildcards are expanded by the provider. Not pipeline-bound: piped paths arrive on -InputObject.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Event files taken exactly as written (no wildcards), so names with [ or ] are read as they are.</summary>
    [Parameter]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>
    /// An LtvEvent, an object with the file's property names (type, verb, key, event_time, ...), a path or
    /// file item to read, or a list of these.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The dataset the events go into: a new one unless <see cref="UseDataset"/> names another.</summary>
    protected LtvDataset WorkingDataset { get; private set; } = new LtvDataset();

    /// <summary>The options of the ingest and the results (exchange rates, week convention, lifespan), set from the parameters.</summary>
    protected LtvOptions Options { get; } = new LtvOptions();

    /// <summary>True when the files come from -Path or -LiteralPath; they are read once, at the end of the input.</summary>
    private bool FromPathParameters => Path != null || LiteralPath != null;

    /// <summary>Refuses conflicting or missing input, then reads -ExchangeRate and prepares the routing of piped input.</summary>
    protected override void BeginProcessing()
    {
        RefuseConflictingInput();
        base.BeginProcessing();
        Options.ExchangeRates = Rates;
        _router = new PipedInputRouter(Paths, Rates, this);
    }

    /// <summary>Makes the events go into <paramref name="dataset"/>; only before any input is taken.</summary>
    protected void UseDataset(LtvDataset dataset)
    {
        if (_writer != null)
        {
            throw new InvalidOperationException("The dataset is chosen before any input is taken.");
        }

        WorkingDataset = dataset;
        _anyInput = true;
    }

    /// <summary>
    /// True when a single dataset given as input may be read where it is, instead of copied: for cmdlets that
    /// only read their dataset. It is copied the moment anything else is added, so an input is never changed.
    /// </summary>
    protected virtual bool ReadsInputDatasetInPlace => false;

    /// <summary>True when datasets are given by a parameter (they are input too, so a command with only them needs nothing else).</summary>
    protected virtual bool HasDatasetInput => false;

    /// <summary>Takes a whole dataset as input (piped, or by a -Dataset parameter): its events join the others.</summary>
    protected void TakeDataset(LtvDataset dataset)
    {
        FlushPipelineEvents();
        if (!_anyInput && ReadsInputDatasetInPlace)
        {
            WorkingDataset = dataset;
            _anyInput = _borrowed = true;
            return;
        }

        OwnWorkingDataset(dataset);
        if (ReferenceEquals(dataset, WorkingDataset))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("A dataset cannot be added to itself."), "DatasetAddedToItself", ErrorCategory.InvalidArgument, dataset));
        }

        try
        {
            WorkingDataset.Merge(dataset);
        }
        catch (InvalidOperationException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "ExchangeRateConflict", ErrorCategory.InvalidData, dataset));
        }
    }

    /// <summary>A dataset's property bag from another session (Invoke-Command output) as a live dataset; damaged bytes stop the command.</summary>
    private bool TryRehydrate(object? input, out LtvDataset? dataset)
    {
        try
        {
            return LtvDatasetSerialization.TryRehydrate(input, out dataset);
        }
        catch (LtvDatasetFileException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidDatasetFile", ErrorCategory.InvalidData, input));
            throw;
        }
    }

    /// <summary>
    /// Before anything is added: a borrowed input dataset becomes a copy of its own, with room for
    /// <paramref name="roomFor"/> when that dataset is what comes next.
    /// </summary>
    private void OwnWorkingDataset(LtvDataset? roomFor = null)
    {
        _anyInput = true;
        if (_borrowed)
        {
            WorkingDataset = WorkingDataset.Copy(roomFor);
            _borrowed = false;
        }
    }

    /// <summary>Takes one piped object (event, file or dataset) into the working dataset; with -Path or -LiteralPath, refuses piped input.</summary>
    protected override void ProcessRecord()
    {
        if (FromPathParameters)
        {
            // Without pipeline input this runs once with nothing bound; a piped object here is a conflict.
            if (InputObject != null)
            {
                ThrowConflict("pipeline input cannot be combined with -Path or -LiteralPath: pipe the events or file names in, or give the files by parameter, not both.");
            }

            return;
        }

        _router!.Route(InputObject);
    }

    /// <summary>Reads the -Path or -LiteralPath files, waits for the piped events, writes the verbose summary, the results and the closing warning.</summary>
    protected override void EndProcessing()
    {
        if (FromPathParameters)
        {
            var literal = LiteralPath != null;
            foreach (var file in Paths.ResolveAll(literal ? LiteralPath! : Path!, literal))
            {
                IngestFile(file);
            }
        }

        FlushPipelineEvents();
        if (_pipelineAccepted + _pipelineRejected > 0)
        {
            WriteSummary(PipelineSource, _pipelineAccepted, _pipelineRejected, _writer?.DuplicatesIgnored ?? 0);
        }

        WriteResults();
        WriteRejectedWarning();
    }

    /// <summary>Stops the thread that aggregates piped events, then disposes the base.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Emits the cmdlet's results from the complete <see cref="WorkingDataset"/>.</summary>
    protected abstract void WriteResults();

    void IPipedInputSink.TakeEvent(LtvEvent e, bool madeElsewhere)
    {
        if (madeElsewhere)
        {
            WarnIfRateNotApplied(e);
        }

        IngestPipelineEvent(e);
    }

    void IPipedInputSink.TakeFile(string file) => IngestFile(file);

    void IPipedInputSink.TakeDataset(LtvDataset dataset) => TakeDataset(dataset);

    LtvDataset? IPipedInputSink.Rehydrate(object? input) => TryRehydrate(input, out var dataset) ? dataset : null;

    void IPipedInputSink.Reject(string reason, string rawText) => RejectPipelineObject(reason, rawText);

    /// <summary>
    /// What separate parameter sets would refuse at binding time: terminating errors with the id
    /// ConflictingInput (two ways of giving input at once) or NoInput (none at all).
    /// </summary>
    private void RefuseConflictingInput()
    {
        var bound = MyInvocation.BoundParameters;
        var path = bound.ContainsKey(nameof(Path));
        var literal = bound.ContainsKey(nameof(LiteralPath));
        if (path && literal)
        {
            ThrowConflict("-Path and -LiteralPath cannot be used together: give wildcard patterns with -Path or exact names with -LiteralPath.");
        }

        if ((path || literal) && bound.ContainsKey(nameof(InputObject)))
        {
            ThrowConflict($"-InputObject cannot be combined with {(path ? "-Path" : "-LiteralPath")}: give the events or files one way.");
        }

        if (!path && !literal && !bound.ContainsKey(nameof(InputObject)) && !MyInvocation.ExpectingInput && !HasDatasetInput)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"{MyInvocation.MyCommand.Name} needs input: give event files with -Path or -LiteralPath, or pipe events or file names in (for example Import-LtvEvents events.json | {MyInvocation.MyCommand.Name})."),
                "NoInput",
                ErrorCategory.InvalidArgument,
                null));
        }
    }

    private void ThrowConflict(string message)
    {
        ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "ConflictingInput", ErrorCategory.InvalidArgument, null));
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
        if (_writer is null)
        {
            OwnWorkingDataset();
            _writer = new BackgroundDatasetWriter(WorkingDataset, StopToken);
        }

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
        OwnWorkingDataset();
        var ingestor = new FileIngestor(Options)
        {
            Rejected = WriteRejection,
            Progress = (done, total) => WriteFileProgress(file, done, total),
        };

        try
        {
            var summary = ingestor.IngestFile(file, WorkingDataset, StopToken);
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
