using System.Management.Automation.Runspaces;

// pwsh's command line (-NoProfile, -Command, -File, ...) handled by PowerShell's own console host.
return Microsoft.PowerShell.ConsoleShell.Start(InitialSessionState.CreateDefault2(), bannerText: null, helpText: null, args);
