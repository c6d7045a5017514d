using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using LtvTools.Core;

namespace LtvTools.Commands
{
    /// <summary>
    /// The aggregating cmdlets: events come from the pipeline (LtvEvent objects, or objects with the file's
    /// property names) or from files read by the engine straight into one dataset; results are emitted at the end.
    /// </summary>
    public abstract class DatasetCmdlet : EventReadingCmdlet
    {
        protected const string InputObjectSet = "InputObject";

        /// <summary>The source named in messages about pipeline input; its "line" is the object's position.</summary>
        private const string PipelineSource = "InputObject";

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private long _pipelineAccepted;
        private long _pipelineRejected;
        private long _pipelineDuplicates;

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
            if (_pipelineAccepted + _pipelineRejected > 0)
            {
                WriteSummary(PipelineSource, _pipelineAccepted, _pipelineRejected, _pipelineDuplicates);
            }

            WriteResults();
            WriteRejectedWarning();
        }

        protected override void StopProcessing()
        {
            _stop.Cancel();
        }

        /// <summary>Emits the cmdlet's results from the complete <see cref="Dataset"/>.</summary>
        protected abstract void WriteResults();

        private void TakeInputObject(object? input)
        {
            // The hot path (Import-LtvEvents | ...): an LtvEvent, wrapped or not, goes straight in.
            var value = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (value is LtvEvent e)
            {
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

            var properties = PropertyBag.From(input!);
            if (EventRecord.TryFromProperties(properties, Rates, out var fromProperties, out var reason, out var json))
            {
                IngestPipelineEvent(fromProperties!);
            }
            else
            {
                _pipelineRejected++;
                WriteRejection(new EventRejection(PipelineSource, _pipelineAccepted + _pipelineRejected, reason, json));
            }
        }

        private void IngestPipelineEvent(LtvEvent e)
        {
            _pipelineAccepted++;
            var before = Dataset.DuplicatesIgnored;
            SimpleLtv.Ingest(e, Dataset);
            _pipelineDuplicates += Dataset.DuplicatesIgnored - before;
        }

        private void IngestFile(string file)
        {
            var ingestor = new FileIngestor(Options)
            {
                Rejected = WriteRejection,
                Progress = (done, total) => WriteFileProgress(file, done, total),
            };

            try
            {
                var summary = ingestor.IngestFile(file, Dataset, _stop.Token);
                CompleteFileProgress();
                WriteSummary(summary, withDuplicates: true);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                WriteReadFailure(file, ex);
            }
        }
    }
}
