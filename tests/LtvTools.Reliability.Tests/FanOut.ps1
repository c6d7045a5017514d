# The coordinator of RemotingTests: builds partial datasets on two SSH "nodes" (each its own sshd and its own
# copy of the module), in background jobs and in parallel runspaces, merges them, and checks every result
# against one local pass over all shards. Prints one "PASS <check>" or "FAIL <check>: <detail>" line each.
param($Module, $Node1Module, $Node2Module, $Shard1, $Shard2, $Port1, $Port2, $Key, $Work)
$ErrorActionPreference = 'Stop'
Import-Module $Module

$ssh = @{ UserName = [Environment]::UserName; KeyFilePath = $Key; Options = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } }
$nodes = @(
    @{ Port = $Port1; Module = $Node1Module; Shard = $Shard1 }
    @{ Port = $Port2; Module = $Node2Module; Shard = $Shard2 }
)

function Figures($rows) { ($rows | ForEach-Object { ($_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }) -join '|' }) -join "`n" }

$expectedTop = Figures (Get-TopLtvCustomer -Path $Shard1, $Shard2 -Top 100000)
$expectedWeekly = Figures (Get-LtvWeeklyMetrics -Path $Shard1, $Shard2)

# The datasets must arrive as live LtvDataset objects (Start-Job, runspaces, files). Over Invoke-Command
# they arrive as property bags that every LtvDataset parameter and a cast turn back into datasets.
function Check($name, $parts, [switch]$Bags) {
    $types = ($parts | ForEach-Object { $_.PSObject.TypeNames[0] } | Sort-Object -Unique) -join ','
    $expected = if ($Bags) { 'Deserialized.LtvTools.Core.LtvDataset' } else { 'LtvTools.Core.LtvDataset' }
    if ($types -ne $expected) { "FAIL ${name}: the partial datasets arrived as $types"; return }
    if ($Bags) {
        $cast = $parts | ForEach-Object { [LtvTools.Core.LtvDataset]$_ }
        if ((Figures ($cast | Merge-LtvDataset | Get-TopLtvCustomer -Top 100000)) -ne $expectedTop) { "FAIL ${name}: the cast datasets rank differently"; return }
        if ((Figures ($parts | Get-TopLtvCustomer -Top 100000)) -ne $expectedTop) { "FAIL ${name}: the piped bags rank differently"; return }
    }

    if (@($parts).Count -ne 2) { "FAIL ${name}: $(@($parts).Count) partial datasets"; return }
    $merged = $parts | Merge-LtvDataset
    if ((Figures ($merged | Get-TopLtvCustomer -Top 100000)) -ne $expectedTop) { "FAIL ${name}: the ranking differs from one pass"; return }
    if ((Figures ($merged | Get-LtvWeeklyMetrics)) -ne $expectedWeekly) { "FAIL ${name}: the weekly rows differ from one pass"; return }
    "PASS $name"
}

# Invoke-Command over SSH, one node after the other; each node loads its own copy of the module.
$parts = foreach ($node in $nodes) {
    Invoke-Command -HostName 127.0.0.1 -Port $node.Port @ssh -ArgumentList $node.Module, $node.Shard -ScriptBlock {
        param($module, $shard)
        Import-Module $module
        if ((Get-Module LtvTools).ModuleBase -ne (Split-Path $module)) { throw "the node loaded LtvTools from $((Get-Module LtvTools).ModuleBase)" }
        New-LtvDataset -Path $shard
    }
}
Check 'ssh-invoke-command' $parts -Bags

# Both nodes at once, results piped straight into Merge-LtvDataset in whatever order they arrive.
$sessions = foreach ($node in $nodes) { New-PSSession -HostName 127.0.0.1 -Port $node.Port @ssh }
try {
    for ($i = 0; $i -lt 2; $i++) {
        Invoke-Command -Session $sessions[$i] -ArgumentList $nodes[$i].Module, $nodes[$i].Shard -ScriptBlock { param($m, $s) $script:module = $m; $script:shard = $s }
    }

    $parts = Invoke-Command -Session $sessions -ScriptBlock { Import-Module $module; New-LtvDataset -Path $shard }
    Check 'ssh-fan-out' $parts -Bags

    # The fallback: save on each node, copy the files back, load and merge.
    $copies = for ($i = 0; $i -lt 2; $i++) {
        $remote = Invoke-Command -Session $sessions[$i] -ScriptBlock {
            $file = Join-Path ([IO.Path]::GetTempPath()) "node-$([guid]::NewGuid().ToString('N')).ltvd"
            New-LtvDataset -Path $shard | Export-LtvDataset -Path $file
            $file
        }
        $local = Join-Path $Work "copy$i.ltvd"
        Copy-Item -FromSession $sessions[$i] -Path $remote -Destination $local
        Invoke-Command -Session $sessions[$i] -ArgumentList $remote -ScriptBlock { param($f) Remove-Item $f }
        $local
    }
    Check 'copy-item-from-session' (Import-LtvDataset -Path $copies)
}
finally {
    $sessions | Remove-PSSession
}

# Start-Job: each shard in a separate pwsh process.
$jobs = foreach ($node in $nodes) {
    Start-Job -ArgumentList $node.Module, $node.Shard -ScriptBlock { param($m, $s) Import-Module $m; New-LtvDataset -Path $s }
}
Check 'start-job' ($jobs | Receive-Job -Wait -AutoRemoveJob)

# ForEach-Object -Parallel: each shard in a runspace of this process.
Check 'foreach-parallel' ($Shard1, $Shard2 | ForEach-Object -Parallel { Import-Module $using:Module; New-LtvDataset -Path $_ } -ThrottleLimit 2)
