#
# Module manifest template for TrutoOpenAi.
#
# This is the source; build.ps1 writes the staged copy to out/TrutoOpenAi/TrutoOpenAi.psd1 and fills in:
#   ModuleVersion     the assembly version (<Version> in Directory.Build.props)
#   CmdletsToExport   every cmdlet class of TrutoOpenAi.PowerShell.dll, found by reflection, sorted
#   AliasesToExport   every [Alias] on those cmdlet classes, sorted
#   FormatsToProcess  every module/**/*.Format.ps1xml, sorted
#   TypesToProcess    every module/**/*.Types.ps1xml, sorted
# Edit everything else here.
#
@{
    RootModule           = 'TrutoOpenAi.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '2aab2aeb-4ba2-42f1-9a4e-4d53b3feede4'
    Author               = 'TrutoOpenAi developers'
    CompanyName          = 'TrutoOpenAi'
    Copyright            = '(c) TrutoOpenAi developers. All rights reserved.'
    Description          = 'Manage OpenAI organizations, projects, users, keys, usage and the rest of the OpenAI API from PowerShell, with paging, retries, -WhatIf/-Confirm and a bundled local API emulator for testing.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'

    FormatsToProcess     = @()
    TypesToProcess       = @()

    FunctionsToExport    = @()
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenAI', 'API', 'Admin', 'Projects', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ReleaseNotes = 'Cmdlets for OpenAI organization administration (projects, directory, keys, certificates, audit logs, usage, costs and spend) and the platform API: models, files, uploads, batches, fine-tuning, vector stores, containers, evals, the retired assistants family; the model-calling surface (Invoke-OpenAiResponse with streaming, background mode and a PowerShell function loop, New-OpenAiTool, conversations, chat completions, embeddings, moderation, speech, transcription, images) and a batch workflow (-AsBatchRequest | Invoke-OpenAiBatch); -UnusedForDays for safe key clean-up; a bundled API emulator whose replies are checked against the OpenAPI spec; an MCP server. Get-Help about_TrutoOpenAi.'

        }
    }
}
