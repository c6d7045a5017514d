<#
.SYNOPSIS
    Builds, tests, cleans or packages the LtvTools module.

.DESCRIPTION
    Build (the default): dotnet build of LtvTools.sln, which lays out the importable module in out/LtvTools.
    -Test: build, then dotnet test (xUnit, including the tests that run the module in a real PowerShell
    engine), then the Pester suite in a fresh 'pwsh -NoProfile' when pwsh and Pester 5+ are available.
    -Package: build in Release and publish out/LtvTools as a .nupkg into out/packages, a folder that
    Install-PSResource / Install-Module can use as a local repository.
    -Clean: dotnet clean and remove out/.

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Test

.EXAMPLE
    ./build.ps1 -Package
    Register-PSResourceRepository -Name LtvToolsLocal -Uri (Resolve-Path out/packages).Path -Trusted
    Install-PSResource -Name LtvTools -Repository LtvToolsLocal
#>
[CmdletBinding(DefaultParameterSetName = 'Build')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Clean')]
    [switch] $Clean,

    [Parameter(Mandatory, ParameterSetName = 'Test')]
    [switch] $Test,

    [Parameter(Mandatory, ParameterSetName = 'Package')]
    [switch] $Package,

    [Parameter(ParameterSetName = 'Build')]
    [Parameter(ParameterSetName = 'Test')]
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$solution = Join-Path $PSScriptRoot 'LtvTools.sln'
$outDir = Join-Path $PSScriptRoot 'out'
$moduleDir = Join-Path $outDir 'LtvTools'
$packageDir = Join-Path $outDir 'packages'

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)

    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    param([string] $BuildConfiguration)

    Invoke-Dotnet -Arguments @('build', $solution, '-c', $BuildConfiguration)
    $manifest = Join-Path $moduleDir 'LtvTools.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The build did not lay out the module: $manifest is missing."
    }

    Write-Host "Module ready: $moduleDir"
}

function Invoke-PesterSuite {
    $pwsh = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $pwsh) {
        Write-Warning 'Pester was skipped: pwsh (PowerShell 7.4+) is not on PATH. The xUnit tests above still ran the module in a real PowerShell engine.'
        return
    }

    # A fresh process without a profile: the suite imports out/LtvTools exactly as a user would.
    $hasPester = & $pwsh.Source -NoProfile -NonInteractive -Command '[bool](Get-Module -ListAvailable Pester | Where-Object Version -ge ([version]"5.0"))'
    if ("$hasPester".Trim() -ne 'True') {
        Write-Warning 'Pester was skipped: Pester 5 or later is not installed (Install-PSResource Pester, or Install-Module Pester -MinimumVersion 5.0).'
        return
    }

    $suite = Join-Path $PSScriptRoot 'tests'
    & $pwsh.Source -NoProfile -NonInteractive -Command {
        param($Path)
        Import-Module Pester -MinimumVersion 5.0
        $config = New-PesterConfiguration
        $config.Run.Path = $Path
        $config.Run.Exit = $true
        $config.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $config
    } -args $suite
    if ($LASTEXITCODE -ne 0) {
        throw "The Pester suite failed (exit code $LASTEXITCODE)."
    }
}

function Invoke-Package {
    Invoke-Build -BuildConfiguration 'Release'
    New-Item -ItemType Directory -Path $packageDir -Force | Out-Null

    # Publishing to a folder repository produces the .nupkg that Install-PSResource / Install-Module expect
    # (nuspec generated from the manifest: version, tags, exported cmdlets).
    $repository = 'LtvToolsBuild-' + [guid]::NewGuid().ToString('N')
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        Register-PSResourceRepository -Name $repository -Uri $packageDir -Trusted
        try {
            Publish-PSResource -Path $moduleDir -Repository $repository
        }
        finally {
            Unregister-PSResourceRepository -Name $repository
        }
    }
    elseif (Get-Command Publish-Module -ErrorAction SilentlyContinue) {
        Register-PSRepository -Name $repository -SourceLocation $packageDir -PublishLocation $packageDir -InstallationPolicy Trusted
        try {
            Publish-Module -Path $moduleDir -Repository $repository
        }
        finally {
            Unregister-PSRepository -Name $repository
        }
    }
    else {
        throw 'Packaging needs Publish-PSResource (Microsoft.PowerShell.PSResourceGet, part of PowerShell 7.4+) or Publish-Module (PowerShellGet).'
    }

    Get-ChildItem -LiteralPath $packageDir -Filter 'LtvTools.*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

switch ($PSCmdlet.ParameterSetName) {
    'Clean' {
        Invoke-Dotnet -Arguments @('clean', $solution, '-c', 'Release')
        Invoke-Dotnet -Arguments @('clean', $solution, '-c', 'Debug')
        if (Test-Path -LiteralPath $outDir) {
            Remove-Item -LiteralPath $outDir -Recurse -Force
        }
    }
    'Build' {
        Invoke-Build -BuildConfiguration $Configuration
    }
    'Test' {
        Invoke-Build -BuildConfiguration $Configuration
        Invoke-Dotnet -Arguments @('test', $solution, '-c', $Configuration, '--no-build')
        Invoke-PesterSuite
    }
    'Package' {
        Invoke-Package
    }
}
