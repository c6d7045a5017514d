using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// What the three cmdlets share: -ExchangeRate, stopping, rejected records written as non-terminating
/// errors, progress for large files, the per-file verbose summary and the single closing warning. Each
/// cmdlet declares its own -Path and -LiteralPath (their pipeline binding differs), resolved by
/// <see cref="ProviderPathResolver"/>.
/// </summary>
public abstract class EventReadingCmdlet : PSCmdlet, IDisposable
{
    /// <summary>Files at least this large show progress; smaller ones finish before it would be seen.</summary>
    private const long ProgressThresholdBytes = 4L << 20;

    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private long _rejected;
    private ProgressThrottle? _progress;
    private ProviderPathResolver? _paths;

    /// <summary>Rates to USD for other currencies, for example @{ EUR = 1.08 }.</summary>
    [Parameter]
    public Hashtable? ExchangeRate { get; set; }

    /// <summary>The rates from -ExchangeRate (USD only when none were given).</summary>
    protected ExchangeRateTable Rates { get; private set; } = ExchangeRateTable.UsdOnly;

    /// <summary>Cancelled when the pipeline is stopped (Ctrl+C), so engine threads stop and files close.</summary>
    protected CancellationToken StopToken => _stop.Token;

    protected override void BeginProcessing()
    {
        Rates = ToRateTable(ExchangeRate);
    }

    protected override void StopProcessing()
    {
        _stop.Cancel();
    }

    /// <summary>PowerShell disposes the cmdlet when its pipeline ends.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
    }

    /// <summary>True when <paramref name="ex"/> is the engine giving up because the pipeline was stopped.</summary>
    protected bool IsStop(Exception ex) => ex is OperationCanceledException && _stop.IsCancellationRequested;

    /// <summary>Resolves the paths the user gave; each one that names no file is a non-terminating error.</summary>
    internal ProviderPathResolver Paths => _paths ??= new ProviderPathResolver(this);

    /// <summary>Reports one rejected record as a non-terminating InvalidData error.</summary>
    protected void WriteRejection(EventRejection rejection)
    {
        _rejected++;
        var id = rejection.Reason.StartsWith("invalid JSON", StringComparison.Ordinal) ? "InvalidEventJson" : "InvalidEvent";
        var error = new ErrorRecord(new InvalidDataException(rejection.ToString()), id, ErrorCategory.InvalidData, rejection.RawText);
        WriteError(error);
    }

    /// <summary>A file that exists but cannot be read: a non-terminating error, and the next file is read.</summary>
    protected void WriteReadFailure(string file, Exception ex)
    {
        CompleteFileProgress();
        WriteError(new ErrorRecord(ex, "FileReadFailed", ErrorCategory.ReadError, file));
    }

    /// <summary>True for the failures of one file that should not stop the others.</summary>
    protected static bool IsFileFailure(Exception ex) => ex is IOException || ex is UnauthorizedAccessException;

    /// <summary>Shows the position in a large file, at most a few times a second.</summary>
    protected void WriteFileProgress(string path, long done, long total)
    {
        if (total < ProgressThresholdBytes)
        {
            return;
        }

        _progress ??= new ProgressThrottle(ActivityId, Activity);
        _progress.Report(this, path, done, total);
    }

    /// <summary>Closes the progress bar of the file just read, if one was shown.</summary>
    protected void CompleteFileProgress()
    {
        _progress?.Complete(this);
    }

    /// <summary>Writes the accounting of one file to the verbose stream.</summary>
    private protected void WriteSummary(IngestSummary summary, bool withDuplicates) =>
        WriteSummary(summary.Source, summary.Accepted, summary.Rejected, withDuplicates ? summary.DuplicatesIgnored : (long?)null);

    /// <summary>Writes the accounting of one source (a file or the pipeline input) to the verbose stream.</summary>
    protected void WriteSummary(string source, long accepted, long rejected, long? duplicatesIgnored)
    {
        var text = string.Format(CultureInfo.InvariantCulture, "{0}: {1} read, {2} accepted, {3} rejected", source, accepted + rejected, accepted, rejected);
        if (duplicatesIgnored.HasValue)
        {
            text += string.Format(CultureInfo.InvariantCulture, ", {0} duplicates ignored", duplicatesIgnored.Value);
        }

        WriteVerbose(text);
    }

    /// <summary>The single closing warning, when anything was rejected.</summary>
    protected void WriteRejectedWarning()
    {
        if (_rejected > 0)
        {
            WriteWarning(string.Format(
                CultureInfo.InvariantCulture,
                "{0} record{1} rejected; each is an error record with file, line and reason (capture them with -ErrorVariable).",
                _rejected,
                _rejected == 1 ? " was" : "s were"));
        }
    }

    /// <summary>Activity id and text of this cmdlet's progress bar.</summary>
    protected virtual int ActivityId => 1;

    protected virtual string Activity => "Reading events";

    /// <summary>
    /// The message of <paramref name="ex"/> without the parameter name .NET appends to an ArgumentException's
    /// (" (Parameter 'rates')", or a line "Parameter name: rates" on .NET Framework): the user wrote -ExchangeRate.
    /// </summary>
    private static string WithoutParameterName(Exception ex)
    {
        var message = ex.Message;
        if (ex is ArgumentException argument && argument.ParamName != null)
        {
            foreach (var suffix in new[] { $" (Parameter '{argument.ParamName}')", Environment.NewLine + "Parameter name: " + argument.ParamName })
            {
                if (message.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return message.Substring(0, message.Length - suffix.Length);
                }
            }
        }

        return message;
    }

    private ExchangeRateTable ToRateTable(Hashtable? rates)
    {
        if (rates is null || rates.Count == 0)
        {
            return ExchangeRateTable.UsdOnly;
        }

        var pairs = new List<KeyValuePair<string, decimal>>(rates.Count);
        try
        {
            foreach (DictionaryEntry entry in rates)
            {
                var currency = LanguagePrimitives.ConvertTo<string>(entry.Key);
                var rate = (decimal)LanguagePrimitives.ConvertTo(entry.Value, typeof(decimal), CultureInfo.InvariantCulture);
                pairs.Add(new KeyValuePair<string, decimal>(currency, rate));
            }

            return new ExchangeRateTable(pairs);
        }
        catch (Exception ex) when (ex is PSInvalidCastException || ex is ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-ExchangeRate needs currency = rate to USD pairs with rates above zero, for example @{ EUR = 1.08 }: " + WithoutParameterName(ex), ex),
                "InvalidExchangeRate",
                ErrorCategory.InvalidArgument,
                rates));
            throw;
        }
    }
}
