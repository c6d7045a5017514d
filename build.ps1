<#
.SYNOPSIS
    Builds, tests, cleans or packages the LtvTools module.

.DESCRIPTION
    Build (the default): dotnet build of LtvTools.sln, which lays out the importable module in out/LtvTools.
    -Test: build, then dotnet test (every xUnit suite, including the tests that host a PowerShell engine),
    then the Pester suite in a fresh 'pwsh -NoProfile' (this same pwsh started again) with the Pester 5
    package that the build restores. Fails if any suite fails or cannot run.
    -Package: build in Release and publish out/LtvTools as a .nupkg into out/packages, a folder that
    Install-PSResource / Install-Module can use as a local repository.
    -Clean: dotnet clean and remove out/.

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Test

.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File build.ps1 -Test
    The same with the pwsh pinned in .config/dotnet-tools.json, on a machine with only the .NET SDK.

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
    param([string] $BuildConfiguration, [string] $Project = $solution)

    Invoke-Dotnet -Arguments @('build', $Project, '-c', $BuildConfiguration)
    $manifest = Join-Path $moduleDir 'LtvTools.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The build did not lay out the module: $manifest is missing."
    }

    Write-Host "Module ready: $moduleDir"
}

function Get-PwshCommand {
    # The pwsh running this script, started again: a native pwsh is its own process; the .NET tool (dotnet
    # pwsh, from the repository's tool manifest) is dotnet running pwsh.dll from $PSHOME.
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $process = [Environment]::ProcessPath
        $dll = Join-Path $PSHOME 'pwsh.dll'
        if ([IO.Path]::GetFileNameWithoutExtension($process) -ne 'pwsh' -and (Test-Path -LiteralPath $dll)) {
            return @($process, $dll)
        }

        return @($process)
    }

    $pwsh = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $pwsh) {
        throw 'The Pester suite runs in PowerShell 7.4+: run this script with pwsh, or with the pinned one (dotnet tool restore; dotnet pwsh -NoProfile -File build.ps1 -Test).'
    }

    return @($pwsh.Source)
}

function Get-PesterModuleRoot {
    # Pester is the NuGet package pinned (and restored by the build) in tests/LtvTools.Module.Tests, so every
    # user and CI run the suite with the same Pester, whatever is installed on the machine.
    $project = Join-Path $PSScriptRoot 'tests/LtvTools.Module.Tests/LtvTools.Module.Tests.csproj'
    $package = & dotnet msbuild $project -nologo -getProperty:PkgPester
    if ($LASTEXITCODE -ne 0 -or -not "$package".Trim()) {
        throw "Pester cannot run: the Pester package of $project is not restored (dotnet restore LtvTools.sln)."
    }

    $manifest = Join-Path "$package".Trim() 'tools/Pester.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "Pester cannot run: $manifest is missing."
    }

    return (Split-Path -Parent $manifest)
}

function Invoke-PesterSuite {
    $pesterTools = Get-PesterModuleRoot
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $pesterTools 'Pester.psd1')).ModuleVersion

    # Pester laid out as <modules>/Pester/<version> on a temporary PSModulePath, so the suite's
    # '#Requires -Modules Pester' finds it as it would an installed one.
    $modules = Join-Path ([IO.Path]::GetTempPath()) ('LtvTools-Pester-' + [guid]::NewGuid().ToString('N'))
    $pesterDir = Join-Path $modules "Pester/$version"
    New-Item -ItemType Directory -Path $pesterDir -Force | Out-Null
    Copy-Item -Path (Join-Path $pesterTools '*') -Destination $pesterDir -Recurse

    # A fresh process without a profile: the suite imports out/LtvTools exactly as a user would. It fails
    # unless every test ran and passed (none skipped, no container error).
    $quoted = { param($Text) "'" + ($Text -replace "'", "''") + "'" }
    $command = @(
        "Import-Module -Name Pester -RequiredVersion $version -ErrorAction Stop"
        '$config = New-PesterConfiguration'
        '$config.Run.Path = ' + (& $quoted (Join-Path $PSScriptRoot 'tests'))
        '$config.Run.PassThru = $true'
        "`$config.Output.Verbosity = 'Detailed'"
        '$run = Invoke-Pester -Configuration $config'
        'if ($run.Result -ne ''Passed'' -or $run.PassedCount -eq 0 -or $run.PassedCount -ne $run.TotalCount) { exit 1 }'
    ) -join '; '

    $pwsh, $pwshArguments = Get-PwshCommand
    $pwshArguments = @($pwshArguments | Where-Object { $_ })
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $savedModulePath
    try {
        & $pwsh @pwshArguments -NoProfile -NonInteractive -Command $command
        $status = $LASTEXITCODE
    }
    finally {
        $env:PSModulePath = $savedModulePath
        Remove-Item -LiteralPath $modules -Recurse -Force -ErrorAction SilentlyContinue
    }

    if ($status -ne 0) {
        throw "The Pester suite failed (exit code $status): every test must run and pass."
    }
}

function Invoke-Package {
    # The module project alone: the package needs nothing from the tests.
    Invoke-Build -BuildConfiguration 'Release' -Project (Join-Path $PSScriptRoot 'src/LtvTools/LtvTools.csproj')
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
        # Both suites run even when the first fails, so one run reports every failure.
        & dotnet test $solution -c $Configuration --no-build
        $xunitStatus = $LASTEXITCODE
        Invoke-PesterSuite
        if ($xunitStatus -ne 0) {
            throw "dotnet test failed with exit code $xunitStatus."
        }
    }
    'Package' {
        Invoke-Package
    }
}
