using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Where <see cref="PipedInputRouter"/> sends what an object stands for.</summary>
internal interface IPipedInputSink
{
    /// <summary>
    /// An event to count; <paramref name="madeElsewhere"/> when it arrived as an LtvEvent, whose USD amount was
    /// worked out by whoever read it (so this cmdlet's -ExchangeRate did not shape it).
    /// </summary>
    void TakeEvent(LtvEvent e, bool madeElsewhere);

    /// <summary>A resolved file-system path to read as an event file.</summary>
    void TakeFile(string file);

    /// <summary>An object that stands for an event but breaks a rule: <paramref name="rawText"/> is the record as validated.</summary>
    void Reject(string reason, string rawText);

    /// <summary>A whole dataset, whose events join the others.</summary>
    void TakeDataset(LtvDataset dataset);

    /// <summary>The live dataset of a dataset's property bag from another session, or null for anything else.</summary>
    LtvDataset? Rehydrate(object? input);
}

/// <summary>
/// Decides what one object given to -InputObject (piped, or an argument) stands for: an event, a file, or a
/// list of either. The aggregating cmdlets have one parameter set, so this is the only place where piped
/// input is told apart; PowerShell binds every piped object to -InputObject without trying other parameters.
/// </summary>
/// <remarks>
/// Precedence, first match wins (a PSObject wrapper is looked through):
/// <list type="number">
/// <item><c>$null</c>: nothing.</item>
/// <item>An <see cref="LtvEvent"/>: that event (the hot path of <c>Import-LtvEvents | ...</c>).</item>
/// <item>A <see cref="FileSystemInfo"/> (Get-ChildItem output): that file, literally, so brackets in its name stay.</item>
/// <item>A string: a path with wildcards, as -Path takes it (JSON text gets its own error, see <see cref="ProviderPathResolver"/>).</item>
/// <item>A list (<see cref="IEnumerable"/> that is not a string or a dictionary, e.g. <c>-InputObject $events</c>): each element, by these rules.</item>
/// <item>An object without a <c>type</c> property but with a string <c>Path</c> (wildcards), or else a
/// <c>LiteralPath</c>, <c>PSPath</c> or <c>FullName</c> (literal; the first of them in property order): that file,
/// as binding by property name to -Path or -LiteralPath would read it.</item>
/// <item>Anything else (a ConvertFrom-Json object, a hashtable, an Import-Csv row): an event record from its
/// properties, validated by the file's rules; when it breaks one it is rejected with the reason.</item>
/// </list>
/// </remarks>
internal sealed class PipedInputRouter
{
    private readonly ProviderPathResolver _paths;
    private readonly ExchangeRateTable _rates;
    private readonly IPipedInputSink _sink;

    public PipedInputRouter(ProviderPathResolver paths, ExchangeRateTable rates, IPipedInputSink sink)
    {
        _paths = paths;
        _rates = rates;
        _sink = sink;
    }

    /// <summary>Sends <paramref name="input"/> where it belongs (see the class remarks for the order of the rules).</summary>
    public void Route(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                return;
            case LtvEvent e:
                _sink.TakeEvent(e, madeElsewhere: true);
                return;
            case LtvDataset dataset:
                _sink.TakeDataset(dataset);
                return;
            case FileSystemInfo item:
                TakeFiles(_paths.ResolveLiteral(item.FullName));
                return;
            case string path:
                TakeFiles(_paths.ResolveWildcard(path));
                return;
            case IEnumerable items when !(value is IDictionary):
                foreach (var element in items)
                {
                    Route(element);
                }

                return;
        }

        // Invoke-Command output: a dataset's property bag (remote sessions deserialize with the default types only).
        var rehydrated = _sink.Rehydrate(input);
        if (rehydrated != null)
        {
            _sink.TakeDataset(rehydrated);
            return;
        }

        var properties = PropertyBag.From(input!);
        if (TryTakePathObject(properties))
        {
            return;
        }

        if (EventRecord.TryFromProperties(properties, _rates, out var fromProperties, out var reason, out var json))
        {
            _sink.TakeEvent(fromProperties!, madeElsewhere: false);
        }
        else
        {
            _sink.Reject(reason, json);
        }
    }

    /// <summary>Rule 6 of the class remarks: an object that names a file rather than an event.</summary>
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

        TakeFiles(_paths.Resolve(path, literal));
        return true;
    }

    private void TakeFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            _sink.TakeFile(file);
        }
    }
}
