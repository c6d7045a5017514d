<#
.SYNOPSIS
    CI check of LtvTools as a user gets it from a repository: run in a fresh 'pwsh -NoProfile', outside the
    repository, after Install-PSResource put the module under -InstallRoot. Imports it BY NAME and checks the
    exported cmdlets (against CmdletsToExport of the source manifest), their help, the format views and the
    LTV of the challenge sample. Prints one 'ok - ' or 'not ok - ' line per check; exits 1 if any failed.
#>
param(
    [Parameter(Mandatory)] [string] $RepoRoot,
    [Parameter(Mandatory)] [string] $InstallRoot
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$PSStyle.OutputRendering = 'PlainText'

$failed = 0
function Test-Check([string] $Name, [scriptblock] $Condition, [string] $Detail = '') {
    $passed = $false
    try {
        $passed = [bool](& $Condition)
    }
    catch {
        $Detail = "$Detail ($_)"
    }

    if ($passed) {
        Write-Output "ok - $Name"
    }
    else {
        Write-Output "not ok - $Name $Detail"
        $script:failed++
    }
}

Test-Check 'the current directory is outside the repository' { -not (Get-Location).Path.StartsWith($RepoRoot) }
Test-Check 'Import-Module LtvTools by name' { Import-Module LtvTools -ErrorAction Stop; $true }
$module = Get-Module LtvTools
Test-Check 'the imported module is the one Install-PSResource installed' { $module -and $module.ModuleBase.StartsWith($InstallRoot) } "(from $(if ($module) { $module.ModuleBase }))"
if (-not $module) {
    exit 1
}

$cmdlets = @((Import-PowerShellDataFile -LiteralPath (Join-Path $RepoRoot 'module/LtvTools.psd1')).CmdletsToExport | Sort-Object)
$exported = @(Get-Command -Module LtvTools | Sort-Object Name | ForEach-Object Name)
Test-Check "the exported commands are the manifest's cmdlets ($($cmdlets -join ', '))" {
    $cmdlets.Count -ge 3 -and ($exported -join ',') -ceq ($cmdlets -join ',') -and @(Get-Command -Module LtvTools -CommandType Cmdlet).Count -eq $cmdlets.Count
} "(exported: $($exported -join ', '))"

$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
foreach ($cmdlet in $cmdlets) {
    # The MAML help, not the stub PowerShell makes up when there is none (a syntax line, no examples).
    $help = Get-Help $cmdlet -Full
    $documented = @($help.parameters.parameter | Where-Object { ($_.description | ForEach-Object Text) -join '' } | ForEach-Object name)
    $undocumented = @((Get-Command $cmdlet).Parameters.Keys | Where-Object { $common -notcontains $_ -and $documented -notcontains $_ })
    Test-Check "Get-Help $cmdlet has a synopsis, a description, examples and every parameter" {
        $help.Synopsis -and $help.Synopsis -notlike "$cmdlet *[[]*" -and (($help.description | ForEach-Object Text) -join '') -and
        @($help.examples.example).Count -ge 1 -and $undocumented.Count -eq 0
    } "(undocumented: $($undocumented -join ', '))"
}
Test-Check 'Get-Help about_LtvTools finds the about topic' { (Get-Help about_LtvTools | Out-String) -match 'LtvTools' }

# Each command's objects render through the module's table view: the header row is the view's labels.
$sample = Join-Path $RepoRoot 'samples/events.json'
$formats = [xml](Get-Content -Raw -LiteralPath (Join-Path $module.ModuleBase 'LtvTools.format.ps1xml'))
$produced = [ordered]@{
    'Import-LtvEvents'     = @(Import-LtvEvents -LiteralPath $sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    'Get-TopLtvCustomer'   = @(Import-LtvEvents -LiteralPath $sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-TopLtvCustomer -Top 3)
    'Get-LtvWeeklyMetrics' = @(Import-LtvEvents -LiteralPath $sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-LtvWeeklyMetrics)
}
foreach ($command in $produced.Keys) {
    $objects = $produced[$command]
    $typeName = if ($objects.Count) { $objects[0].GetType().FullName } else { '(no output)' }
    $view = @($formats.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $typeName -and $_['TableControl'] }) | Select-Object -First 1
    $labels = if ($view) { @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object Label) } else { @() }
    $header = @(($objects | Out-String -Width 300) -split "`r?`n" | Where-Object { $_.Trim() }) | Select-Object -First 1
    Test-Check "$command output ($typeName) renders as its table view" {
        $labels.Count -gt 0 -and ((-split $header) -join ' ') -ceq ($labels -join ' ')
    } "(header: '$header'; view labels: '$($labels -join ' ')')"
}

$challenge = Join-Path $RepoRoot 'tests/data/challenge-sample.json'
$top = @(Import-LtvEvents -LiteralPath $challenge | Get-TopLtvCustomer -Top 5)
Test-Check 'the challenge sample gives one customer, 96f55c7d8f42, with LTV 6416.80' {
    $top.Count -eq 1 -and $top[0].CustomerId -eq '96f55c7d8f42' -and $top[0].Ltv -eq 6416.80d -and $top[0].Ltv -is [decimal]
} "(got: $($top | ForEach-Object { "$($_.CustomerId) $($_.Ltv)" }))"
Test-Check 'the challenge sample shows LTV 6416.80 in the table' { ($top | Out-String) -match '\b6416\.80\b' }

exit ([int]($failed -gt 0))
