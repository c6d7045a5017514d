using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LtvTools.Benchmarks;

/// <summary>
/// A hosted PowerShell runspace as a user's session: the default initial state, the built LtvTools module
/// imported from out/, and the bench's own cmdlets (the pipeline ceiling's two, and the counting ends).
/// </summary>
internal sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(string? modulePath)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Send-BenchItem", typeof(SendBenchItemCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchItem", typeof(ReceiveBenchItemCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchEvent", typeof(ReceiveBenchEventCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchEventAsTop", typeof(ReceiveBenchEventAsTopCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchEventThreeSets", typeof(ReceiveBenchEventThreeSetsCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchEventOneSet", typeof(ReceiveBenchEventOneSetCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchObject", typeof(ReceiveBenchObjectCommand), null));
        if (modulePath != null)
        {
            state.ImportPSModule(modulePath);
        }

        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        ModuleLoaded = modulePath != null && Invoke("Get-Command Get-TopLtvCustomer -ErrorAction SilentlyContinue", null).Count == 1;
    }

    public bool ModuleLoaded { get; }

    /// <summary>Runs <paramref name="script"/> with <c>$file</c> set; any error record fails the bench.</summary>
    public Collection<PSObject> Invoke(string script, string? file, bool silenceProgress = false)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        _runspace.SessionStateProxy.SetVariable("file", file);
        _runspace.SessionStateProxy.SetVariable("ProgressPreference", silenceProgress ? ActionPreference.SilentlyContinue : ActionPreference.Continue);
        shell.AddScript(script);
        var output = shell.Invoke();
        if (shell.HadErrors || shell.Streams.Error.Count > 0)
        {
            var first = shell.Streams.Error.Count > 0 ? shell.Streams.Error[0].ToString() : "unknown error";
            throw new InvalidOperationException($"'{script}' failed: {first}");
        }

        return output;
    }

    public void Dispose() => _runspace.Dispose();
}
