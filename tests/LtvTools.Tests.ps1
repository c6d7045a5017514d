#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 suite for the built module (out/LtvTools). Run it with ./build.ps1 -Test, or:
#   dotnet build LtvTools.sln -c Release; Invoke-Pester ./tests

BeforeAll {
    $script:RepoRoot = Split-Path -Parent $PSScriptRoot
    $script:Manifest = Join-Path $RepoRoot 'out/LtvTools/LtvTools.psd1'
    $script:Sample = Join-Path $RepoRoot 'samples/events.json'
    Import-Module $Manifest -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module LtvTools -ErrorAction SilentlyContinue
}

Describe 'The LtvTools module' {
    It 'has a valid manifest' {
        $info = Test-ModuleManifest -Path $Manifest -ErrorAction Stop
        $info.RootModule | Should -Be 'LtvTools.dll'
        $info.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
    }

    It 'exports exactly the eleven cmdlets' {
        $names = Get-Command -Module LtvTools | Sort-Object Name | ForEach-Object { '{0} {1}' -f $_.CommandType, $_.Name }
        $names | Should -Be @('Cmdlet Add-LtvEvent', 'Cmdlet Export-LtvDataset', 'Cmdlet Get-LtvCustomerSummary', 'Cmdlet Get-LtvForecast', 'Cmdlet Get-LtvWeeklyMetrics', 'Cmdlet Get-TopLtvCustomer', 'Cmdlet Import-LtvDataset', 'Cmdlet Import-LtvEvents', 'Cmdlet Merge-LtvDataset', 'Cmdlet New-LtvDataset', 'Cmdlet New-LtvForecastModel')
    }

    It 'has full help for <_>' -ForEach @('Import-LtvEvents', 'Get-TopLtvCustomer', 'Get-LtvWeeklyMetrics', 'New-LtvDataset', 'Add-LtvEvent', 'Export-LtvDataset', 'Import-LtvDataset', 'Merge-LtvDataset', 'Get-LtvCustomerSummary', 'New-LtvForecastModel', 'Get-LtvForecast') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$_ ["))
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $documented = @($help.parameters.parameter | Where-Object { ($_.description | ForEach-Object Text) -join '' } | ForEach-Object name)
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        (Get-Command $_).Parameters.Keys | Where-Object { $common -notcontains $_ } | ForEach-Object { $documented | Should -Contain $_ }
    }

    It 'has an about topic' {
        Get-Help about_LtvTools | Out-String | Should -Match 'InvalidEventJson'
    }
}

Describe 'Get-TopLtvCustomer' {
    Context 'on samples/events.json' {
        BeforeAll {
            $script:top = Import-LtvEvents $Sample -ErrorVariable script:bad -ErrorAction SilentlyContinue -WarningVariable script:warned -WarningAction SilentlyContinue |
                Get-TopLtvCustomer -Top 3
        }

        It 'ranks the customers with exact values' {
            $top.Count | Should -Be 3
            $top.CustomerId | Should -Be @('5e1a7c0b3d21', 'c2b4d6e8f0a1', '96f55c7d8f42')
            $top.LastName | Should -Be @('Garcia', 'Nguyen-Park', 'Smith')
            $top.TotalSpend | Should -Be @(165.50, 89.99, 12.34)
            $top.Ltv | Should -Be @(21515.00, 11698.70, 1604.20)
            $top.TotalWeeks | Should -Be @(4, 4, 4)
            # Not $top.Rank: on an array that is the array's own Rank (1), not member enumeration.
            $top | ForEach-Object Rank | Should -Be @(1, 2, 3)
        }

        It 'rejects the REFUND record at line 20 with one error and one warning' {
            $bad.Count | Should -Be 1
            $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidEvent,LtvTools.Commands.ImportLtvEventsCommand'
            $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $bad[0].Exception.Message | Should -BeLike '*events.json:20: unknown type ''REFUND''*'
            $bad[0].TargetObject | Should -BeLike '{"type": "REFUND"*'
            $warned.Count | Should -Be 1
        }

        It 'gives the same result from -Path as from the pipeline' {
            $direct = Get-TopLtvCustomer -Path $Sample -Top 3 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            ($direct | ConvertTo-Json) | Should -Be ($top | ConvertTo-Json)
        }

        It 'shows Rank, CustomerId, Orders, TotalSpend and Ltv by default, within 80 columns' {
            $text = $top | Format-Table | Out-String -Width 80
            $text | Should -Match 'Rank\s+CustomerId\s+Orders\s+TotalSpend\s+Ltv'
            $text | Should -Match '5e1a7c0b3d21\s+2\s+165\.50\s+21515\.00'
            $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessThan 80 }
        }

        It 'saves and reads back events through Export-Csv in a decimal-comma culture' {
            $csv = Join-Path $TestDrive 'events.csv'
            $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
            [System.Threading.Thread]::CurrentThread.CurrentCulture = 'de-DE'
            try {
                Import-LtvEvents -Path $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-Csv $csv
                $back = Import-Csv $csv | Get-TopLtvCustomer -Top 3
            }
            finally {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved
            }
            ($back | ForEach-Object { $_.Ltv.ToString([cultureinfo]::InvariantCulture) }) | Should -Be @('21515.00', '11698.70', '1604.20')
        }
    }

    It 'rejects -Top 0 by parameter validation' {
        { Get-TopLtvCustomer -Path $Sample -Top 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,LtvTools.Commands.GetTopLtvCustomerCommand'
    }

    It 'refuses a USD exchange rate other than 1' {
        { Get-TopLtvCustomer -Path $Sample -ExchangeRate @{ USD = 2 } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidExchangeRate,LtvTools.Commands.GetTopLtvCustomerCommand'
    }

    It 'ranks objects from ConvertFrom-Json like file records' {
        $lines = Get-Content $Sample | Where-Object { $_ -like '{*' } | ForEach-Object { $_.TrimEnd(',') }
        $fromJson = $lines | ConvertFrom-Json | Get-TopLtvCustomer -Top 3 -ErrorVariable jsonBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $fromJson.Ltv | Should -Be @(21515.00, 11698.70, 1604.20)
        $jsonBad.Count | Should -Be 1
        $jsonBad[0].FullyQualifiedErrorId | Should -Be 'InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand'
    }
}

Describe 'Paths' {
    BeforeAll {
        Copy-Item -LiteralPath $Sample -Destination (Join-Path $TestDrive 'a.json')
        Copy-Item -LiteralPath $Sample -Destination (Join-Path $TestDrive 'b[1].json')
    }

    It 'expands wildcards in -Path' {
        $events = Import-LtvEvents -Path (Join-Path $TestDrive '*.json') -ErrorVariable wildBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $events.Count | Should -Be 36
        $wildBad.Count | Should -Be 2
    }

    It 'reads a name with brackets through -LiteralPath' {
        $events = Import-LtvEvents -LiteralPath (Join-Path $TestDrive 'b[1].json') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $events.Count | Should -Be 18
    }

    It 'reads Get-ChildItem output, brackets included' {
        $top = Get-ChildItem $TestDrive -Filter *.json | Get-TopLtvCustomer -Top 1 -ErrorVariable gciBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $top.CustomerId | Should -Be '5e1a7c0b3d21'
        $gciBad.Count | Should -Be 2
        (Get-ChildItem $TestDrive -Filter *.json | Import-LtvEvents -ErrorAction SilentlyContinue -WarningAction SilentlyContinue).Count | Should -Be 36
    }

    It 'reports a missing path without stopping the other paths' {
        $missing = Join-Path $TestDrive 'missing.json'
        $events = Import-LtvEvents -Path $missing, $Sample -ErrorVariable pathBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $events.Count | Should -Be 18
        $pathBad[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,LtvTools.Commands.ImportLtvEventsCommand'
        $pathBad[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports a wildcard that matches nothing, naming the pattern, with a hint at -LiteralPath for brackets' {
        $pattern = Join-Path $TestDrive 'b[1].json'
        $top = Get-TopLtvCustomer -Path $pattern -ErrorVariable noMatch -ErrorAction SilentlyContinue
        $top | Should -BeNullOrEmpty
        $noMatch.Count | Should -Be 1
        $noMatch[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,LtvTools.Commands.GetTopLtvCustomerCommand'
        $noMatch[0].Exception.Message | Should -BeLike "No file matches the pattern '$([WildcardPattern]::Escape($pattern))'.*use -LiteralPath."
    }

    It 'refuses -Path together with piped events' {
        { Import-LtvEvents $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-TopLtvCustomer -Path $Sample -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConflictingInput,LtvTools.Commands.GetTopLtvCustomerCommand'
    }
}

Describe 'Bad records' {
    BeforeAll {
        $script:mixed = Join-Path $TestDrive 'mixed.jsonl'
        @(
            '{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2017-01-06T12:45:52Z", "customer_id": "c1"}'
            '{"type": "ORDER", "verb": "NEW", "key":'
            '{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "yesterday", "customer_id": "c1", "total_amount": "1.00 USD"}'
        ) | Set-Content -LiteralPath $mixed -Encoding utf8
    }

    It 'become error records with ids, category, raw text and line numbers' {
        $events = Import-LtvEvents $mixed -ErrorVariable recordBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($events).Count | Should -Be 1
        $recordBad.FullyQualifiedErrorId | Should -Be @('InvalidEventJson,LtvTools.Commands.ImportLtvEventsCommand', 'InvalidEvent,LtvTools.Commands.ImportLtvEventsCommand')
        $recordBad[0].Exception.Message | Should -BeLike '*mixed.jsonl:2: invalid JSON*'
        $recordBad[1].Exception.Message | Should -BeLike "*mixed.jsonl:3: event_time 'yesterday' is not ISO 8601*"
        $recordBad[1].TargetObject | Should -BeLike '*"yesterday"*'
    }

    It 'carry their file, line, kind and reason as data' {
        $messy = Join-Path $TestDrive 'messy.json'
        "[`n" + (Get-Content -LiteralPath $mixed -TotalCount 1) + ",`n{`"type`": x},`n{}`n]" | Set-Content -LiteralPath $messy -Encoding utf8
        $null = Get-TopLtvCustomer -LiteralPath $mixed, $messy -ErrorVariable dataBad -ErrorAction SilentlyContinue -WarningVariable dataWarning -WarningAction SilentlyContinue
        $byFile = $dataBad | Group-Object { Split-Path -Leaf $_.Exception.File } | Sort-Object Name
        $byFile.Name | Should -Be @('messy.json', 'mixed.jsonl')
        $byFile | ForEach-Object Count | Should -Be @(1, 2)
        $dataBad.Exception.Kind | Should -Be @('InvalidJson', 'InvalidEvent', 'InvalidFile')
        $dataBad.Exception.Line | Should -Be @(2, 3, 3)
        $dataBad[2].FullyQualifiedErrorId | Should -Be 'InvalidEventFile,LtvTools.Commands.GetTopLtvCustomerCommand'
        $dataWarning[0].Message | Should -BeLike "*1 file was read only in part: $messy (not read: * bytes, lines 3 to 5).*"
    }

    It 'stop the command at the first one with -ErrorAction Stop' {
        { Import-LtvEvents $mixed -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEventJson,LtvTools.Commands.ImportLtvEventsCommand'
    }

    It 'include an event changed by hand so that it cannot be counted, and the rest still count' {
        $changed = $false
        $top = Import-LtvEvents $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object {
            if (-not $changed -and $_.Type -eq 'ORDER') { $_.Currency = 'EUR'; $_.AmountUsd = $null; $changed = $true }
            $_
        } | Get-TopLtvCustomer -Top 3 -ErrorVariable changedBad -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($top).Count | Should -Be 3
        $changedBad.Count | Should -Be 1
        $changedBad[0].FullyQualifiedErrorId | Should -Be 'InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand'
        $changedBad[0].Exception.Message | Should -Match '^InputObject:\d+: ORDER \w+ has no USD amount'
    }
}

Describe 'Get-LtvWeeklyMetrics' {
    It 'returns one row per active week' {
        $rows = Import-LtvEvents $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Get-LtvWeeklyMetrics -CustomerId 5e1a7c0b3d21
        $rows.Week | Should -Be @(2, 3)
        $rows.OrderAmount | Should -Be @(45.50, 120.00)
    }

    It 'adds zero rows with -IncludeEmptyWeeks' {
        $rows = Get-LtvWeeklyMetrics -Path $Sample -CustomerId 5e1a* -IncludeEmptyWeeks -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $rows.Week | Should -Be @(1, 2, 3, 4)
        $rows.SiteVisits | Should -Be @(0, 1, 1, 0)
        $rows[0].WeekStart.ToString() | Should -Be '2017-01-01T00:00:00Z'
    }

    It 'rejects an invalid -CustomerId pattern before reading anything' {
        { Get-LtvWeeklyMetrics -Path $Sample -CustomerId '[' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,LtvTools.Commands.GetLtvWeeklyMetricsCommand'
    }
}

Describe 'Export-Csv' {
    It 'round-trips customers through Import-Csv with readable columns' {
        $csv = Join-Path $TestDrive 'top.csv'
        Get-TopLtvCustomer -Path $Sample -Top 3 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.CustomerId | Should -Be @('5e1a7c0b3d21', 'c2b4d6e8f0a1', '96f55c7d8f42')
        # Export-Csv writes each value's ToString(): decimals keep their two places ([decimal]'21515.00' would not).
        $rows[0].Ltv | Should -Be (21515.00d).ToString()
        $rows[0].TotalSpend | Should -Be (165.50d).ToString()
        $rows[0].TotalWeeks | Should -Be '4'
        Get-Content -LiteralPath $csv -Raw | Should -Not -Match 'System\.'
    }

    It 'reads events saved with <Name> back into the same ranking' -ForEach @(
        @{ Name = 'Export-Csv'; Save = { param($Path) $input | Export-Csv -LiteralPath $Path }; Load = { param($Path) Import-Csv -LiteralPath $Path } }
        @{ Name = 'Export-Clixml'; Save = { param($Path) $input | Export-Clixml -LiteralPath $Path }; Load = { param($Path) Import-Clixml -LiteralPath $Path } }
        @{ Name = 'ConvertTo-Json'; Save = { param($Path) $input | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $Path }; Load = { param($Path) Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json } }
    ) {
        $saved = Join-Path $TestDrive "events.$Name"
        Import-LtvEvents $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | & $Save $saved
        $fromSaved = & $Load $saved | Get-TopLtvCustomer -Top 3 -ErrorVariable savedBad
        $direct = Get-TopLtvCustomer -Path $Sample -Top 3 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $savedBad | Should -BeNullOrEmpty
        $fromSaved.CustomerId | Should -Be $direct.CustomerId
        # Equal amounts; JSON numbers come back as doubles, so 165.50 may read back as 165.5.
        $fromSaved.TotalSpend | Should -Be $direct.TotalSpend
        $fromSaved.Ltv | Should -Be $direct.Ltv
    }

    It 'writes events with ISO 8601 times and tags as text' {
        $csv = Join-Path $TestDrive 'events.csv'
        Import-LtvEvents $Sample -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 18
        $rows[1].EventTime | Should -Be '2017-01-06T12:45:52.041Z'
        $rows[1].Tags | Should -Be 'some key=some value'
        $rows[5].Tags | Should -Be 'campaign=winter-sale; device=mobile'
        Get-Content -LiteralPath $csv -Raw | Should -Not -Match 'System\.Object\[\]'
    }
}

Describe 'The forecast on the CDNOW sample' {
    BeforeAll {
        # One ORDER event per transaction of tests/data/cdnow/CDNOW_sample.txt, at midnight UTC of its date.
        $cdnow = Join-Path $RepoRoot 'tests/data/cdnow'
        $script:Events = Join-Path $TestDrive 'cdnow.jsonl'
        $line = 0
        $json = foreach ($row in Get-Content -LiteralPath (Join-Path $cdnow 'CDNOW_sample.txt')) {
            $f = -split $row
            $line++
            '{{"type":"ORDER","verb":"NEW","key":"cdnow-{0}","event_time":"{1}-{2}-{3}T00:00:00Z","customer_id":"{4}","total_amount":"{5} USD"}}' -f `
                $line, $f[2].Substring(0, 4), $f[2].Substring(4, 2), $f[2].Substring(6, 2), [int]$f[1], $f[4]
        }
        Set-Content -LiteralPath $Events -Value $json -Encoding utf8
        $script:Published = @{}
        Import-Csv (Join-Path $cdnow 'cdnow_customers_summary_with_transactions.csv') | ForEach-Object { $Published[$_.ID] = $_ }
        $script:Summary = Get-LtvCustomerSummary -LiteralPath $Events -CalibrationEnd 1997-09-30
        $script:Model = $Summary | New-LtvForecastModel
    }

    It 'summarises every customer as published' {
        $Summary.Count | Should -Be 2357
        $wrong = $Summary | Where-Object {
            $p = $Published[$_.CustomerId]
            $_.Frequency -ne [int]$p.x -or
                [math]::Round($_.Recency, 2, 'AwayFromZero') -ne [double]::Parse($p.t_x, [cultureinfo]::InvariantCulture) -or
                [math]::Round($_.T, 2, 'AwayFromZero') -ne [double]::Parse($p.T, [cultureinfo]::InvariantCulture) -or
                [math]::Round($_.MonetaryValue, 2, 'AwayFromZero') -ne [decimal]::Parse($p.zbar, [cultureinfo]::InvariantCulture)
        }
        @($wrong).Count | Should -Be 0
    }

    It 'fits the published BG/NBD and Gamma-Gamma parameters' {
        $Model.R | Should -BeGreaterOrEqual 0.242; $Model.R | Should -BeLessOrEqual 0.244
        $Model.Alpha | Should -BeGreaterOrEqual 4.413; $Model.Alpha | Should -BeLessOrEqual 4.415
        $Model.A | Should -BeGreaterOrEqual 0.792; $Model.A | Should -BeLessOrEqual 0.794
        $Model.B | Should -BeGreaterOrEqual 2.425; $Model.B | Should -BeLessOrEqual 2.427
        [math]::Round($Model.BgNbdLogLikelihood, 1) | Should -Be -9582.4
        $Model.SpendCustomers | Should -Be 946
        [math]::Abs($Model.P - 6.25) | Should -BeLessOrEqual 0.01
        [math]::Abs($Model.Q - 3.74) | Should -BeLessOrEqual 0.01
        [math]::Abs($Model.V - 15.44) | Should -BeLessOrEqual 0.01
    }

    It 'forecasts per customer in input order' {
        $forecast = $Summary | Get-LtvForecast -Model $Model -Horizon 39 -DiscountRate 0.01
        ($forecast.CustomerId -join ',') | Should -Be ($Summary.CustomerId -join ',')
        $first = $forecast | Where-Object CustomerId -eq '1'
        [math]::Round($first.ExpectedPurchases, 3) | Should -Be 1.226
        $first.PredictedClv | Should -BeLessThan ($first.ExpectedPurchases * $first.ExpectedAverageOrderValue)
    }

    It 'refuses a horizon of 0 at parameter binding' {
        { Get-LtvForecast -LiteralPath $Events -Horizon 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,LtvTools.Commands.GetLtvForecastCommand'
    }
}

Describe 'Datasets' {
    It 'saves, loads, adds and merges into the one-pass ranking' {
        $file = Join-Path $TestDrive 'history.ltvd'
        $quiet = @{ ErrorAction = 'SilentlyContinue'; WarningAction = 'SilentlyContinue' }
        $direct = Get-TopLtvCustomer -Path $Sample -Top 100 @quiet
        New-LtvDataset -Path $Sample @quiet | Export-LtvDataset -Path $file
        $d = Import-LtvDataset -Path $file
        $d | Should -BeOfType ([LtvTools.Core.LtvDataset])
        ($d | Get-TopLtvCustomer -Top 100).CustomerId | Should -Be $direct.CustomerId
        ($d | Get-TopLtvCustomer -Top 100).Ltv | Should -Be $direct.Ltv

        # The same events again are all duplicates; merging a copy changes no figure either.
        Add-LtvEvent -Dataset $d -Path $Sample @quiet
        (Get-TopLtvCustomer -Dataset $d -Top 100).Ltv | Should -Be $direct.Ltv
        (Merge-LtvDataset -Dataset $d, (Import-LtvDataset $file) | Get-TopLtvCustomer -Top 100).Ltv | Should -Be $direct.Ltv
    }

    It 'refuses a file that is not a saved dataset, naming it' {
        { Import-LtvDataset -LiteralPath $Sample -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDatasetFile,LtvTools.Commands.ImportLtvDatasetCommand' -ExpectedMessage "$Sample*not a saved LtvTools dataset*"
    }
}
