# Module manifest for LtvTools. ModuleVersion is stamped at build time from VersionPrefix in
# Directory.Build.props (the single version number); the value here is only a placeholder.
@{
    RootModule             = 'LtvTools.dll'
    ModuleVersion          = '0.0.0'
    GUID                   = '4f6c2d1e-8b3a-4e5f-9c7d-2a1b0e3f4d5c'
    Author                 = 'LtvTools contributors'
    CompanyName            = 'LtvTools contributors'
    Copyright              = '(c) LtvTools contributors'
    Description            = 'Turns customer event streams (JSON, NDJSON, gzip) into weekly metrics and Simple customer lifetime value (LTV), with strict validation and per-record errors.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess         = @('LtvTools.types.ps1xml')
    FormatsToProcess       = @('LtvTools.format.ps1xml')
    CmdletsToExport        = @('Import-LtvEvents', 'Get-TopLtvCustomer', 'Get-LtvWeeklyMetrics', 'New-LtvDataset', 'Add-LtvEvent', 'Export-LtvDataset', 'Import-LtvDataset', 'Merge-LtvDataset', 'Get-LtvCustomerSummary', 'New-LtvForecastModel', 'Get-LtvForecast')
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('LTV', 'CustomerLifetimeValue', 'Analytics', 'Events', 'JSON', 'NDJSON', 'Ecommerce', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri = 'https://github.com/ltvtools/LtvTools/blob/main/LICENSE'
            ProjectUri = 'https://github.com/ltvtools/LtvTools'
        }
    }
}
