<#
.SYNOPSIS
    CI check of the .nupkg that ./build.ps1 -Package made: it holds exactly the module (manifest, formats,
    help, licence, LtvTools.dll, LtvTools.Core.dll and every runtime file of their dependencies, such as
    System.Text.Json's) plus NuGet's own packaging files, and nothing else (no test or bench files).
    Prints one 'ok - ' or 'not ok - ' line per check; exits 1 if any check failed.
#>
param(
    [Parameter(Mandatory)] [string] $Package,
    [Parameter(Mandatory)] [string] $RepoRoot
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Add-Type -AssemblyName System.IO.Compression.FileSystem

$failed = 0
function Test-Check([string] $Name, [scriptblock] $Condition, [string] $Detail = '') {
    if (& $Condition) {
        Write-Output "ok - $Name"
    }
    else {
        Write-Output "not ok - $Name $Detail"
        $script:failed++
    }
}

$zip = [IO.Compression.ZipFile]::OpenRead($Package)
try {
    $entries = @($zip.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
}
finally {
    $zip.Dispose()
}

# What the package must hold, from the sources rather than from out/LtvTools: every file of module/ (the
# manifest, formats and help), the licence, and the runtime assemblies that the module's deps.json lists.
$moduleSource = Join-Path $RepoRoot 'module'
$expected = [Collections.Generic.List[string]]::new()
Get-ChildItem -LiteralPath $moduleSource -Recurse -File | ForEach-Object {
    $expected.Add(([IO.Path]::GetRelativePath($moduleSource, $_.FullName) -replace '\\', '/'))
}
$expected.Add('LICENSE')
$deps = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'src/LtvTools/bin/Release/netstandard2.0/LtvTools.deps.json') | ConvertFrom-Json
foreach ($target in $deps.targets.PSObject.Properties) {
    foreach ($entry in $target.Value.PSObject.Properties) {
        $library = $entry.Value
        if ($library.PSObject.Properties['runtime']) {
            foreach ($file in $library.runtime.PSObject.Properties.Name) {
                $expected.Add([IO.Path]::GetFileName($file))
            }
        }
    }
}
$expected = @($expected | Sort-Object -Unique)

# NuGet's own files around the content.
$packaging = '^(\[Content_Types\]\.xml|_rels/\.rels|LtvTools\.nuspec|package/services/metadata/core-properties/[0-9a-f]+\.psmdcp)$'
$content = @($entries | Where-Object { $_ -notmatch $packaging })

foreach ($file in 'LtvTools.psd1', 'LtvTools.format.ps1xml', 'LtvTools.types.ps1xml', 'en-US/LtvTools.dll-Help.xml', 'en-US/about_LtvTools.help.txt',
    'LICENSE', 'LtvTools.dll', 'LtvTools.Core.dll', 'System.Text.Json.dll', 'System.Memory.dll', 'LtvTools.nuspec') {
    Test-Check "the package holds $file" { $entries -contains $file }
}

$missing = @($expected | Where-Object { $content -notcontains $_ })
Test-Check 'the package holds every file of module/, the licence and every runtime assembly in deps.json' { $missing.Count -eq 0 } "(missing: $($missing -join ', '))"

$extra = @($content | Where-Object { $expected -notcontains $_ })
Test-Check 'the package holds nothing else' { $extra.Count -eq 0 } "(unexpected: $($extra -join ', '))"

$testOrBench = @($entries | Where-Object { $_ -match '(?i)test|bench|xunit|pester|\.pdb$' })
Test-Check 'the package holds no test or bench files' { $testOrBench.Count -eq 0 } "(found: $($testOrBench -join ', '))"

exit ([int]($failed -gt 0))
