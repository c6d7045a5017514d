# Dataset figures (issue 15), measured in the real pwsh with the built module: saving and loading a dataset
# against re-reading the JSON, adding 1M new events to a loaded dataset against reading those 1M alone, and
# merging two partial datasets against reading them. Every ratio is taken within one repetition (the machine
# is shared and noisy), and the script prints one row per repetition plus the bytes on disk per distinct key.
#
#   dotnet tool restore
#   dotnet run -c Release --project bench/LtvTools.Benchmarks -- generate --scale 10
#   dotnet run -c Release --project bench/LtvTools.Benchmarks -- generate --events 1000000 --seed 7 --out bench/data/new-1m.jsonl
#   head -n 5000000 bench/data/events-10m.jsonl > bench/data/half-a.jsonl; tail -n +5000001 bench/data/events-10m.jsonl > bench/data/half-b.jsonl
#   dotnet pwsh -NoProfile -File bench/datasets.ps1 [-Repetitions 3]
param(
    [string]$Module = (Join-Path $PSScriptRoot '../out/LtvTools/LtvTools.psd1'),
    [string]$Events = (Join-Path $PSScriptRoot 'data/events-10m.jsonl'),
    [string]$NewEvents = (Join-Path $PSScriptRoot 'data/new-1m.jsonl'),
    [string]$HalfA = (Join-Path $PSScriptRoot 'data/half-a.jsonl'),
    [string]$HalfB = (Join-Path $PSScriptRoot 'data/half-b.jsonl'),
    [string]$Saved = (Join-Path $PSScriptRoot 'data/history.ltvd'),
    [int]$Repetitions = 3
)
$ErrorActionPreference = 'Stop'
Import-Module $Module
foreach ($file in $Events, $NewEvents, $HalfA, $HalfB) {
    if (-not (Test-Path -LiteralPath $file)) { throw "missing ${file}: see the commands at the top of this script" }
}

function Seconds([scriptblock]$work) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $null = & $work
    $clock.Elapsed.TotalSeconds
}

$inv = [Globalization.CultureInfo]::InvariantCulture
'{0,-4} {1,8} {2,8} {3,6} | {4,8} {5,8} {6,6} | {7,8} {8,8} {9,8} {10,6} | {11,8}' -f 'rep', 'json s', 'load s', 'ratio', 'add1M s', 'read1M s', 'ratio', 'readA s', 'readB s', 'merge s', 'ratio', 'save s'
for ($rep = 1; $rep -le $Repetitions; $rep++) {
    $d = $null; $loaded = $null; $a = $null; $b = $null; $merged = $null
    $json = Seconds { $script:d = New-LtvDataset -Path $Events }
    $save = Seconds { $script:d | Export-LtvDataset -Path $Saved }
    if ($rep -eq 1) {
        # Printed after the repetition's timings: output between two timed steps would have PowerShell
        # compile its formatting code while the next step runs, in this repetition only.
        $keys = [long]$d.DistinctVisits + $d.DistinctImages + $d.DistinctOrders + $d.CustomerCount
        $bytes = (Get-Item -LiteralPath $Saved).Length
        $perKey = ('{0:0.0}' -f ($bytes / $keys)).ToString($inv)
        $sizeLine = "saved: $bytes bytes for $keys distinct keys ($($d.CustomerCount) customers, $($d.DistinctVisits) visits, $($d.DistinctImages) images, $($d.DistinctOrders) orders): $perKey B/key"
    }

    $d = $null
    $load = Seconds { $script:loaded = Import-LtvDataset -Path $Saved }
    $add = Seconds { Add-LtvEvent -Dataset $script:loaded -Path $NewEvents }
    $loaded = $null
    $read1M = Seconds { New-LtvDataset -Path $NewEvents }
    $readA = Seconds { $script:a = New-LtvDataset -Path $HalfA }
    $readB = Seconds { $script:b = New-LtvDataset -Path $HalfB }
    $merge = Seconds { $script:merged = Merge-LtvDataset -Dataset $script:a, $script:b }
    '{0,-4} {1,8:0.00} {2,8:0.00} {3,6:0.00} | {4,8:0.00} {5,8:0.00} {6,6:0.00} | {7,8:0.00} {8,8:0.00} {9,8:0.00} {10,6:0.00} | {11,8:0.00}' -f $rep, $json, $load, ($load / $json), $add, $read1M, ($add / $read1M), $readA, $readB, $merge, ($merge / ($readA + $readB)), $save
}
$sizeLine
