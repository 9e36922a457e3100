# Help generation for TrutoOpenAi (dot-sourced by build.ps1, build/Export-HelpMetadata.ps1 and tests/Pester).
#
# PlatyPS is not available, so help is generated from the code's own metadata:
#   * the cmdlets' shape (parameter sets, types, Mandatory, Position, pipeline binding, aliases, ValidateSet,
#     SupportsShouldProcess, SupportsPaging, [OutputType]) from Get-Command in a child pwsh that imports the
#     staged module (build/Export-HelpMetadata.ps1), written as JSON;
#   * the words from the XML documentation files that the compiler writes next to the assemblies
#     (src/TrutoOpenAi.PowerShell/bin/<Configuration>/netstandard2.0/TrutoOpenAi.*.xml).
#
# Convention for the cmdlet classes (the help of a cmdlet is exactly what its doc comments say):
#
#   /// <summary>One-line synopsis.</summary>
#   /// <remarks>Long description: one or more <para> paragraphs.</remarks>
#   /// <example>
#   /// <code>Get-OpenAiProject -Name 'tenant-*'</code>
#   /// <para>What the example does.</para>
#   /// </example>                                        (one <example> element per example, at least one)
#   [Cmdlet(VerbsCommon.Get, "OpenAiProject")] [OutputType(typeof(...))]
#   public sealed class GetOpenAiProjectCommand : OpenAiListCmdlet<...>
#   {
#       /// <summary>Parameter description.</summary>
#       [Parameter(...)] public string Id { get; set; }
#   }
#
#   * Every <example> runs: tests/Pester/HelpExamples.Tests.ps1 runs the <code> of every example of every exported
#     cmdlet against an emulator seeded by tests/Pester/Examples/<Area>.ps1, and fails on any error, and on no output
#     unless the example uses -WhatIf or ends in a change (Remove/Set/Add/Stop/...) without -PassThru. So write examples
#     that a reader can paste, with these stand-ins, which the test replaces with real objects of the seeded emulator:
#       - ids: the API's prefix followed by abc/def: proj_abc123 (or proj_abc), proj_def, user-abc123, key_abc,
#         svc_acct_abc, cert_abc, cert_def, alert_abc, file-abc123 (file-a, file-b), batch_abc123, ftjob-abc123,
#         vs_abc123, vsfb_abc123, cp_abc123, 'ft:gpt-4o-mini:org:support:ab12cd34' (a checkpoint), cntr_abc123,
#         cfile_abc123, eval_abc123, evalrun_abc123, asst_abc123 (has a get_weather function tool), thread_abc123,
#         run_abc123, upload_abc123 (part_a, part_b). A new kind of id gets a pattern in the Placeholders of its area's
#         tests/Pester/Examples/<Area>.ps1.
#       - waiting is fine: an example with a Wait-* command (or -Wait) runs with the emulator clock moving per request.
#       - names that the seeded world has: projects tenant-00001.. (tenant-*, tenant-acme, trial-*), users
#         user00001@example.com.. and members *@contoso.com, groups Engineering, eng-*, contractors, temp-*, roles
#         'Billing viewer' and Deployer, certificates mtls-*, vector stores 'support docs' and docs-*.
#       - files relative to the current folder (./requests.jsonl, users.csv, ./client-ca.pem, ./certs/*.pem, ./docs/*.pdf):
#         the area's Setup writes them into the folder the example runs in.
#       - no variables from outside the example (write `Get-X -Id vs_abc123 | Stop-X`, not `$batch | Stop-X`); Read-Host,
#         Get-Secret and Set-Secret are stood in for by the test.
#     An example that cannot run unattended (one that starts a stdio server) is listed in the test with the reason.
#   * A parameter's description is the <summary> of its property (or field), looked up on the most derived
#     declaring class first: `P:<Namespace>.<Class>.<Name>`, with generic classes by their arity
#     (`P:TrutoOpenAi.PowerShell.OpenAiListCmdlet`1.PageSize`). So a parameter declared on a base class is
#     documented once, on the base class, and a derived class may override the text by redeclaring it.
#   * Inline tags: <c>x</c> and <see cref="..."/> become plain text (a cref to a cmdlet class becomes the
#     cmdlet's name), <paramref name="Id"/> becomes -Id, <see langword="null"/> becomes null, <see href="u">t</see>
#     becomes "t (u)", <list><item> becomes "- item" paragraphs, <code> in remarks is kept verbatim.
#   * -WhatIf/-Confirm (SupportsShouldProcess) and -First/-Skip/-IncludeTotalCount (SupportsPaging) get
#     standard descriptions; the ubiquitous common parameters are summed up as CommonParameters.
#   * OUTPUTS come from [OutputType] (described by the type's own <summary> when documented), INPUTS from the
#     parameters that take pipeline input, NOTES from ShouldProcess/paging support and the API operations that
#     Get-OpenAiOperation maps to the cmdlet, RELATED LINKS from the cmdlets with the same noun.
#
# Outputs (all deterministic: sorted, LF line endings, UTF-8 without BOM):
#   out/TrutoOpenAi/en-US/TrutoOpenAi.PowerShell.dll-Help.xml   MAML read by Get-Help      (Build)
#   docs/<Cmdlet>.md                                             PlatyPS schema 2.0.0       (Docs)
#   docs/TrutoOpenAi.md                                          module page                (Docs)
#   docs/tool-map.md                                             operations.tsv x Get-OpenAiOperation (Docs)
Set-StrictMode -Version 3.0

$script:TrutoHelpFileName = 'TrutoOpenAi.PowerShell.dll-Help.xml'
$script:TrutoCommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
$script:TrutoStandardParameterHelp = [ordered]@{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the specified number of objects. Enter the number of objects to get.'
    Skip              = 'Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.'
    IncludeTotalCount = 'Reports the number of objects in the data set (an integer) followed by the objects. If the cmdlet cannot determine the total count, it reports "Unknown total count".'
}

function ConvertTo-TrutoOrdinalSorted {
    param([object[]] $InputObject, [string] $Property)
    if (-not $InputObject) { return }
    $items = [System.Collections.Generic.List[object]]::new()
    foreach ($i in $InputObject) { $items.Add($i) }
    $cmp = [System.StringComparer]::Ordinal
    if ($Property) {
        $items.Sort([System.Comparison[object]] { param($a, $b) $cmp.Compare([string]$a.$Property, [string]$b.$Property) })
    } else {
        $items.Sort([System.Comparison[object]] { param($a, $b) $cmp.Compare([string]$a, [string]$b) })
    }
    return $items.ToArray()
}

#region Metadata (runs in a pwsh that may import the staged module)

function Get-TrutoTypeDisplayName {
    # PowerShell-style type names: String, String[], Int32 (for Nullable[Int32]), Dictionary[String,Object].
    param([Parameter(Mandatory)][type] $Type, [switch] $FullName)
    if ($Type.IsArray) {
        $rank = if ($Type.GetArrayRank() -gt 1) { ',' * ($Type.GetArrayRank() - 1) } else { '' }
        return (Get-TrutoTypeDisplayName -Type $Type.GetElementType() -FullName:$FullName) + "[$rank]"
    }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [System.Nullable`1]) {
        return Get-TrutoTypeDisplayName -Type $Type.GetGenericArguments()[0] -FullName:$FullName
    }
    $name = if ($FullName -and $Type.FullName) { $Type.FullName } else { $Type.Name }
    if ($Type.IsGenericType) {
        $name = $name -replace '`\d+.*$', ''
        $args_ = foreach ($g in $Type.GetGenericArguments()) { Get-TrutoTypeDisplayName -Type $g -FullName:$FullName }
        $name = "$name[$($args_ -join ',')]"
    }
    return ($name -replace '\+', '.')
}

function Get-TrutoDocTypeName {
    # The name of a type in an XML documentation member id: generic definitions keep their backtick arity.
    param([Parameter(Mandatory)][type] $Type)
    if ($Type.IsGenericType -and -not $Type.IsGenericTypeDefinition) { $Type = $Type.GetGenericTypeDefinition() }
    return ($Type.FullName -replace '\+', '.')
}

function Get-TrutoParameterDocIds {
    # Candidate doc ids for a parameter, most derived declaration first.
    param([Parameter(Mandatory)][type] $Type, [Parameter(Mandatory)][string] $Name)
    $flags = [System.Reflection.BindingFlags]'Public,NonPublic,Instance,Static,DeclaredOnly'
    $ids = [System.Collections.Generic.List[string]]::new()
    $member = $null
    for ($t = $Type; $null -ne $t -and $t -ne [object]; $t = $t.BaseType) {
        foreach ($m in @($t.GetProperties($flags)) + @($t.GetFields($flags))) {
            if ($m.Name -ne $Name) { continue }
            $prefix = if ($m -is [System.Reflection.PropertyInfo]) { 'P' } else { 'F' }
            $ids.Add("${prefix}:$(Get-TrutoDocTypeName $t).$Name")
            if (-not $member) { $member = $m }
        }
    }
    [pscustomobject]@{ DocIds = $ids.ToArray(); Member = $member }
}

function Format-TrutoDefaultValue {
    param($Value, [type] $Type)
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return $null }
    if ($Value -is [bool]) { return $null }
    if ($Value -is [string]) { if ($Value -eq '') { return $null } else { return $Value } }
    if ($Value -is [System.Collections.IEnumerable]) {
        $items = @($Value)
        if ($items.Count -eq 0) { return $null }
        return ($items | ForEach-Object { [string]$_ }) -join ', '
    }
    if ($Value.GetType().IsValueType) {
        $default = [System.Activator]::CreateInstance($Value.GetType())
        if ($Value.Equals($default)) { return $null }
    }
    return [string]$Value
}

function Get-TrutoHelpMetadata {
    # Imports the module at ManifestPath and describes every exported cmdlet. Returns plain objects that
    # survive a JSON round trip (the build reads them from build/Export-HelpMetadata.ps1's output).
    param([Parameter(Mandatory)][string] $ManifestPath)
    $mod = Import-Module -Name $ManifestPath -PassThru -Force -ErrorAction Stop
    $common = [System.Collections.Generic.HashSet[string]]::new([string[]]([System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters), [System.StringComparer]::OrdinalIgnoreCase)
    $pagingNames = @('First', 'Skip', 'IncludeTotalCount')
    $commands = ConvertTo-TrutoOrdinalSorted -InputObject @(Get-Command -Module $mod.Name -CommandType Cmdlet) -Property Name
    $typeToCmdlet = [ordered]@{}
    foreach ($c in $commands) { $typeToCmdlet[$c.ImplementingType.FullName] = $c.Name }

    $cmdlets = foreach ($c in $commands) {
        $type = $c.ImplementingType
        $ca = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Select-Object -First 1
        $instance = $null
        try { $instance = [System.Activator]::CreateInstance($type) } catch { $instance = $null }

        $sets = foreach ($ps in $c.ParameterSets) {
            $params = foreach ($p in $ps.Parameters) {
                if ($common.Contains($p.Name)) { continue }
                [pscustomobject]@{
                    Name                            = $p.Name
                    IsMandatory                     = [bool]$p.IsMandatory
                    Position                        = $(if ($p.Position -ge 0) { [int]$p.Position } else { $null })
                    ValueFromPipeline               = [bool]$p.ValueFromPipeline
                    ValueFromPipelineByPropertyName = [bool]$p.ValueFromPipelineByPropertyName
                    ValueFromRemainingArguments     = [bool]$p.ValueFromRemainingArguments
                }
            }
            [pscustomobject]@{
                Name       = $ps.Name
                IsDefault  = [bool]$ps.IsDefault
                Parameters = @($params)
            }
        }
        $sets = @($sets | Sort-Object -Property @{ Expression = { -not $_.IsDefault } }, @{ Expression = { $_.Name } } -CaseSensitive)

        $parameters = foreach ($p in ($c.Parameters.Values)) {
            if ($common.Contains($p.Name)) { continue }
            $kind = 'Declared'
            $lookup = Get-TrutoParameterDocIds -Type $type -Name $p.Name
            if (-not $lookup.Member) {
                if ($ca.SupportsPaging -and $pagingNames -contains $p.Name) { $kind = 'Paging' }
                elseif ($p.IsDynamic) { $kind = 'Dynamic' }
            }
            $validateSet = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object { $_.ValidValues })
            if ($validateSet.Count -eq 0) {
                # Enums list their names as accepted values (as PlatyPS does).
                $et = $p.ParameterType
                if ($et.IsArray) { $et = $et.GetElementType() }
                $inner = [System.Nullable]::GetUnderlyingType($et)
                if ($inner) { $et = $inner }
                if ($et.IsEnum) { $validateSet = @([System.Enum]::GetNames($et)) }
            }
            $wildcards = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            if (-not $wildcards -and $lookup.Member) {
                $wildcards = [bool]($lookup.Member.GetCustomAttributes($true) | Where-Object { $_.GetType().Name -eq 'SupportsWildcardsAttribute' })
            }
            $default = $null
            if ($instance -and $lookup.Member) {
                try {
                    $raw = if ($lookup.Member -is [System.Reflection.PropertyInfo]) { $lookup.Member.GetValue($instance) } else { $lookup.Member.GetValue($instance) }
                    $default = Format-TrutoDefaultValue -Value $raw -Type $p.ParameterType
                } catch { $default = $null }
            }
            [pscustomobject]@{
                Name              = $p.Name
                Kind              = $kind
                Type              = Get-TrutoTypeDisplayName -Type $p.ParameterType
                TypeFullName      = Get-TrutoTypeDisplayName -Type $p.ParameterType -FullName
                IsSwitch          = ($p.ParameterType -eq [System.Management.Automation.SwitchParameter])
                Aliases           = @(ConvertTo-TrutoOrdinalSorted -InputObject @($p.Aliases))
                ValidValues       = @($validateSet)
                SupportsWildcards = $wildcards
                DefaultValue      = $default
                DocIds            = @($lookup.DocIds)
            }
        }
        if ($ca.SupportsShouldProcess) {
            foreach ($n in 'WhatIf', 'Confirm') {
                $parameters = @($parameters) + [pscustomobject]@{
                    Name = $n; Kind = 'ShouldProcess'; Type = 'SwitchParameter'; TypeFullName = 'System.Management.Automation.SwitchParameter'
                    IsSwitch = $true; Aliases = @(if ($n -eq 'WhatIf') { 'wi' } else { 'cf' }); ValidValues = @()
                    SupportsWildcards = $false; DefaultValue = $null; DocIds = @()
                }
            }
            foreach ($s in $sets) {
                foreach ($n in 'WhatIf', 'Confirm') {
                    $s.Parameters = @($s.Parameters) + [pscustomobject]@{
                        Name = $n; IsMandatory = $false; Position = $null; ValueFromPipeline = $false
                        ValueFromPipelineByPropertyName = $false; ValueFromRemainingArguments = $false
                    }
                }
            }
        }

        $outputs = foreach ($o in $c.OutputType) {
            $t = $o.Type
            [pscustomobject]@{
                Name  = $(if ($t) { Get-TrutoTypeDisplayName -Type $t -FullName } else { $o.Name })
                DocId = $(if ($t -and $t.FullName) { "T:$(Get-TrutoDocTypeName $t)" } else { $null })
            }
        }

        [pscustomobject]@{
            Name                  = $c.Name
            Verb                  = $c.Verb
            Noun                  = $c.Noun
            ImplementingType      = $type.FullName
            TypeDocId             = "T:$(Get-TrutoDocTypeName $type)"
            DefaultParameterSet   = $c.DefaultParameterSet
            SupportsShouldProcess = [bool]$ca.SupportsShouldProcess
            SupportsPaging        = [bool]$ca.SupportsPaging
            ConfirmImpact         = [string]$ca.ConfirmImpact
            Aliases               = @(ConvertTo-TrutoOrdinalSorted -InputObject @($type.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false) | ForEach-Object { $_.AliasNames }))
            ParameterSets         = @($sets)
            Parameters            = @(ConvertTo-TrutoOrdinalSorted -InputObject @($parameters) -Property Name)
            Outputs               = @(ConvertTo-TrutoOrdinalSorted -InputObject @($outputs | Sort-Object Name -Unique) -Property Name)
        }
    }

    $operations = @()
    $opCmd = Get-Command -Module $mod.Name -Name 'Get-OpenAiOperation' -ErrorAction SilentlyContinue
    if ($opCmd) {
        $operations = @(& $opCmd | ForEach-Object {
                [pscustomobject]@{
                    Tool          = [string]$_.Tool
                    Command       = [string]$_.Command
                    ParameterSet  = [string]$_.ParameterSet
                    Method        = [string]$_.Method
                    Path          = [string]$_.Path
                    NeedsAdminKey = [bool]$_.NeedsAdminKey
                }
            })
    }

    [pscustomobject]@{
        ModuleName        = $mod.Name
        ModuleVersion     = $mod.Version.ToString()
        ModuleGuid        = $mod.Guid.ToString()
        ModuleDescription = $mod.Description
        TypeToCmdlet      = [pscustomobject]$typeToCmdlet
        HasOperationMap   = [bool]$opCmd
        Operations        = @($operations)
        Cmdlets           = @($cmdlets)
    }
}

#endregion

#region XML documentation

function Read-TrutoXmlDoc {
    # Reads compiler XML documentation files into a map of member id -> <member> element.
    param([string[]] $Path)
    $map = [System.Collections.Generic.Dictionary[string, System.Xml.XmlElement]]::new([System.StringComparer]::Ordinal)
    foreach ($p in $Path) {
        if (-not (Test-Path -LiteralPath $p)) { continue }
        $doc = [System.Xml.XmlDocument]::new()
        $doc.PreserveWhitespace = $true
        $doc.Load($p)
        foreach ($m in $doc.SelectNodes('/doc/members/member')) { $map[$m.GetAttribute('name')] = $m }
    }
    return , $map
}

function Get-TrutoCrefText {
    param([string] $Cref, $TypeToCmdlet)
    if (-not $Cref) { return '' }
    $id = $Cref -replace '^[A-Z]:', ''
    if ($TypeToCmdlet -and $Cref -like 'T:*' -and $TypeToCmdlet.PSObject.Properties[$id]) { return $TypeToCmdlet.$id }
    $id = $id -replace '\(.*$', '' -replace '`+\d+$', ''
    return ($id -split '\.')[-1]
}

function ConvertFrom-TrutoXmlDocNode {
    # Turns a doc comment element into blocks: @{ Kind = 'para' | 'code'; Text = '...' }.
    param($Node, $TypeToCmdlet)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = [System.Text.StringBuilder]::new()
    $flush = {
        $t = ($current.ToString() -replace '\s+', ' ').Trim()
        if ($t) { $blocks.Add([pscustomobject]@{ Kind = 'para'; Text = $t }) }
        $null = $current.Clear()
    }
    $inline = $null
    $inline = {
        param($n)
        foreach ($child in $n.ChildNodes) {
            switch ($child.NodeType) {
                'Text' { $null = $current.Append($child.Value); continue }
                'CDATA' { $null = $current.Append($child.Value); continue }
                'Whitespace' { $null = $current.Append(' '); continue }
                'SignificantWhitespace' { $null = $current.Append(' '); continue }
                'Element' { }
                default { continue }
            }
            if ($child.NodeType -ne 'Element') { continue }
            switch ($child.LocalName) {
                'para' { & $flush; & $inline $child; & $flush }
                'br' { & $flush }
                'code' {
                    & $flush
                    $code = Format-TrutoCodeText $child.InnerText
                    if ($code) { $blocks.Add([pscustomobject]@{ Kind = 'code'; Text = $code }) }
                }
                'list' {
                    & $flush
                    foreach ($item in $child.SelectNodes('item')) {
                        $term = $item.SelectSingleNode('term'); $desc = $item.SelectSingleNode('description')
                        $text = if ($term -or $desc) {
                            (@($term, $desc) | Where-Object { $_ } | ForEach-Object { ($_.InnerText -replace '\s+', ' ').Trim() }) -join ': '
                        } else { ($item.InnerText -replace '\s+', ' ').Trim() }
                        if ($text) { $blocks.Add([pscustomobject]@{ Kind = 'para'; Text = "- $text" }) }
                    }
                }
                'see' {
                    if ($child.HasAttribute('langword')) { $null = $current.Append($child.GetAttribute('langword')) }
                    elseif ($child.HasAttribute('href')) {
                        $label = ($child.InnerText -replace '\s+', ' ').Trim()
                        $href = $child.GetAttribute('href')
                        $null = $current.Append($(if ($label) { "$label ($href)" } else { $href }))
                    } elseif ($child.InnerText.Trim()) { $null = $current.Append($child.InnerText) }
                    else { $null = $current.Append((Get-TrutoCrefText -Cref $child.GetAttribute('cref') -TypeToCmdlet $TypeToCmdlet)) }
                }
                'seealso' { }
                'paramref' { $null = $current.Append('-' + $child.GetAttribute('name')) }
                'typeparamref' { $null = $current.Append($child.GetAttribute('name')) }
                default { & $inline $child }
            }
        }
    }
    & $inline $Node
    & $flush
    return $blocks.ToArray()
}

function Format-TrutoCodeText {
    # Removes the common indentation of a <code> block and its leading/trailing blank lines.
    param([string] $Text)
    $lines = @(($Text -replace "`r`n", "`n") -split "`n" | ForEach-Object { $_.TrimEnd() })
    while ($lines.Count -gt 0 -and $lines[0] -eq '') { $lines = @($lines | Select-Object -Skip 1) }
    while ($lines.Count -gt 0 -and $lines[-1] -eq '') { $lines = @($lines | Select-Object -SkipLast 1) }
    if ($lines.Count -eq 0) { return '' }
    $indent = ($lines | Where-Object { $_ -ne '' } | ForEach-Object { $_.Length - $_.TrimStart().Length } | Measure-Object -Minimum).Minimum
    return (($lines | ForEach-Object { if ($_.Length -ge $indent) { $_.Substring($indent) } else { $_ } }) -join "`n")
}

function Get-TrutoDocBlocks {
    param($XmlDoc, [string] $MemberId, [string] $Tag, $TypeToCmdlet)
    if (-not $MemberId -or -not $XmlDoc.ContainsKey($MemberId)) { return }
    $el = $XmlDoc[$MemberId].SelectSingleNode($Tag)
    if (-not $el) { return }
    return (ConvertFrom-TrutoXmlDocNode -Node $el -TypeToCmdlet $TypeToCmdlet)
}

function Join-TrutoParagraphs {
    param([object[]] $Blocks)
    return (@($Blocks | ForEach-Object { $_.Text }) -join ' ').Trim()
}

#endregion

#region Model

function Get-TrutoPipelineText {
    param($Entry)
    $kinds = @()
    if ($Entry.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Entry.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) { return 'False' }
    return "True ($($kinds -join ', '))"
}

function ConvertTo-TrutoHelpModel {
    # Joins metadata and XML docs into one model per cmdlet: everything the MAML and markdown writers need.
    param([Parameter(Mandatory)] $Metadata, [Parameter(Mandatory)] $XmlDoc)
    $t2c = $Metadata.TypeToCmdlet
    $opsByCommand = @{}
    foreach ($op in @($Metadata.Operations)) {
        if (-not $opsByCommand.ContainsKey($op.Command)) { $opsByCommand[$op.Command] = [System.Collections.Generic.List[object]]::new() }
        $opsByCommand[$op.Command].Add($op)
    }
    $allNames = @($Metadata.Cmdlets | ForEach-Object Name)

    foreach ($c in $Metadata.Cmdlets) {
        $synopsisBlocks = @(Get-TrutoDocBlocks -XmlDoc $XmlDoc -MemberId $c.TypeDocId -Tag 'summary' -TypeToCmdlet $t2c)
        $description = @(Get-TrutoDocBlocks -XmlDoc $XmlDoc -MemberId $c.TypeDocId -Tag 'remarks' -TypeToCmdlet $t2c)
        $examples = @()
        if ($XmlDoc.ContainsKey($c.TypeDocId)) {
            $examples = @(foreach ($ex in $XmlDoc[$c.TypeDocId].SelectNodes('example')) {
                    $blocks = @(ConvertFrom-TrutoXmlDocNode -Node $ex -TypeToCmdlet $t2c)
                    [pscustomobject]@{
                        Code    = (@($blocks | Where-Object Kind -eq 'code' | ForEach-Object Text) -join "`n")
                        Remarks = @($blocks | Where-Object Kind -eq 'para' | ForEach-Object Text)
                    }
                })
        }

        $multiSet = @($c.ParameterSets).Count -gt 1
        $allSetNames = @($c.ParameterSets | ForEach-Object Name)
        $parameters = foreach ($p in $c.Parameters) {
            $desc = @()
            if ($p.Kind -in 'ShouldProcess', 'Paging') {
                $desc = @($script:TrutoStandardParameterHelp[$p.Name])
            } else {
                foreach ($id in $p.DocIds) {
                    $b = @(Get-TrutoDocBlocks -XmlDoc $XmlDoc -MemberId $id -Tag 'summary' -TypeToCmdlet $t2c)
                    if ($b.Count -gt 0) { $desc = @($b | ForEach-Object Text); break }
                }
            }
            # One group per distinct set of attributes across the parameter sets (PlatyPS style).
            $groups = [ordered]@{}
            foreach ($s in $c.ParameterSets) {
                $e = @($s.Parameters | Where-Object Name -eq $p.Name) | Select-Object -First 1
                if (-not $e) { continue }
                $key = '{0}|{1}|{2}|{3}' -f $e.IsMandatory, $e.Position, $e.ValueFromPipeline, $e.ValueFromPipelineByPropertyName
                if (-not $groups.Contains($key)) {
                    $groups[$key] = [pscustomobject]@{
                        Sets     = [System.Collections.Generic.List[string]]::new()
                        Required = [bool]$e.IsMandatory
                        Position = $(if ($null -ne $e.Position) { [string]$e.Position } else { 'Named' })
                        Pipeline = Get-TrutoPipelineText $e
                    }
                }
                $groups[$key].Sets.Add($s.Name)
            }
            $groupList = @($groups.Values | ForEach-Object {
                    $setsText = if (-not $multiSet -or $_.Sets.Count -eq $allSetNames.Count) { '(All)' } else { $_.Sets -join ', ' }
                    $_ | Add-Member -NotePropertyName SetsText -NotePropertyValue $setsText -PassThru
                })
            [pscustomobject]@{
                Name              = $p.Name
                Kind              = $p.Kind
                Type              = $p.Type
                TypeFullName      = $p.TypeFullName
                IsSwitch          = [bool]$p.IsSwitch
                Aliases           = @($p.Aliases)
                ValidValues       = @($p.ValidValues)
                SupportsWildcards = [bool]$p.SupportsWildcards
                DefaultValue      = $(if ($null -ne $p.DefaultValue -and "$($p.DefaultValue)" -ne '') { [string]$p.DefaultValue } elseif ($p.IsSwitch) { 'False' } else { 'None' })
                Description       = @($desc)
                Groups            = $groupList
            }
        }
        $paramByName = @{}
        foreach ($p in $parameters) { $paramByName[$p.Name] = $p }

        $syntax = foreach ($s in $c.ParameterSets) {
            $entries = @($s.Parameters)
            $standardOrder = @('IncludeTotalCount', 'Skip', 'First', 'WhatIf', 'Confirm')
            $own = @($entries | Where-Object { $paramByName[$_.Name].Kind -notin 'ShouldProcess', 'Paging' })
            $positional = @($own | Where-Object { $null -ne $_.Position } | Sort-Object { [int]$_.Position })
            $namedRequired = @($own | Where-Object { $null -eq $_.Position -and $_.IsMandatory })
            $namedOptional = @($own | Where-Object { $null -eq $_.Position -and -not $_.IsMandatory })
            $standard = @(foreach ($n in $standardOrder) { $entries | Where-Object Name -eq $n })
            $ordered = @($positional) + @($namedRequired) + @($namedOptional) + @($standard)
            [pscustomobject]@{
                Name       = $s.Name
                IsDefault  = [bool]$s.IsDefault
                Parameters = @(foreach ($e in $ordered) {
                        $p = $paramByName[$e.Name]
                        [pscustomobject]@{
                            Name        = $e.Name
                            Type        = $p.Type
                            IsSwitch    = $p.IsSwitch
                            Required    = [bool]$e.IsMandatory
                            Position    = $e.Position
                            Pipeline    = Get-TrutoPipelineText $e
                            ValidValues = @($p.ValidValues)
                        }
                    })
            }
        }

        # INPUTS: each type that binds from the pipeline, with the parameters it binds to.
        $inputs = [ordered]@{}
        foreach ($p in $parameters) {
            foreach ($g in $p.Groups) {
                if ($g.Pipeline -eq 'False') { continue }
                if (-not $inputs.Contains($p.TypeFullName)) { $inputs[$p.TypeFullName] = [System.Collections.Generic.List[string]]::new() }
                $label = "-$($p.Name) ($($g.Pipeline -replace '^True \((.*)\)$', '$1'))"
                if (-not $inputs[$p.TypeFullName].Contains($label)) { $inputs[$p.TypeFullName].Add($label) }
            }
        }
        $inputList = @(foreach ($k in (ConvertTo-TrutoOrdinalSorted -InputObject @($inputs.Keys))) {
                [pscustomobject]@{ Name = $k; Description = "You can pipe this type to: $($inputs[$k] -join ', ')." }
            })

        $outputList = @(foreach ($o in $c.Outputs) {
                $d = Join-TrutoParagraphs @(Get-TrutoDocBlocks -XmlDoc $XmlDoc -MemberId $o.DocId -Tag 'summary' -TypeToCmdlet $t2c)
                [pscustomobject]@{ Name = $o.Name; Description = $d }
            })

        $notes = [System.Collections.Generic.List[string]]::new()
        if (@($c.Aliases).Count) {
            $notes.Add("Alias$(if (@($c.Aliases).Count -gt 1) { 'es' }): $(@($c.Aliases) -join ', ').")
        }
        if ($c.SupportsShouldProcess) {
            $impact = switch ($c.ConfirmImpact) {
                'High' { 'ConfirmImpact is High: it asks for confirmation unless -Confirm:$false is given or $ConfirmPreference is None.' }
                'Medium' { 'ConfirmImpact is Medium: it asks for confirmation when $ConfirmPreference is Medium or Low, or with -Confirm.' }
                'Low' { 'ConfirmImpact is Low: it asks for confirmation only when $ConfirmPreference is Low, or with -Confirm.' }
                default { "ConfirmImpact is $($c.ConfirmImpact)." }
            }
            $notes.Add("This cmdlet changes state and supports -WhatIf and -Confirm. Its $impact")
        }
        if ($c.SupportsPaging) {
            $notes.Add('This cmdlet supports paging: -First and -Skip select the objects to return, and -IncludeTotalCount reports the total count.')
        }
        if ($opsByCommand.ContainsKey($c.Name)) {
            $ops = ConvertTo-TrutoOrdinalSorted -InputObject @($opsByCommand[$c.Name] | ForEach-Object {
                    $admin = if ($_.NeedsAdminKey) { ', admin key' } else { '' }
                    $set = if ($_.ParameterSet) { "parameter set $($_.ParameterSet), " } else { '' }
                    $tool = if ($_.Tool) { "tool $($_.Tool)" } else { 'no MCP tool' }
                    "- $($_.Method) $($_.Path) ($set$tool$admin)"
                })
            $notes.Add('API operations:')
            foreach ($o in $ops) { $notes.Add($o) }
        }

        # The cmdlets of the same noun, else of the nouns it extends or that extend it (OpenAiProject: OpenAiProjectUser...),
        # and always the module's about topic: no cmdlet is left without a link.
        $related = @(ConvertTo-TrutoOrdinalSorted -InputObject @($Metadata.Cmdlets | Where-Object { $_.Noun -eq $c.Noun -and $_.Name -ne $c.Name } | ForEach-Object Name))
        if (-not $related) {
            $related = @(ConvertTo-TrutoOrdinalSorted -InputObject @($Metadata.Cmdlets | Where-Object {
                        $_.Name -ne $c.Name -and ($_.Noun.StartsWith($c.Noun) -or $c.Noun.StartsWith($_.Noun)) } | ForEach-Object Name))
        }
        $related = @($related) + 'about_TrutoOpenAi'


        [pscustomobject]@{
            Name          = $c.Name
            Verb          = $c.Verb
            Noun          = $c.Noun
            ModuleName    = $Metadata.ModuleName
            Synopsis      = Join-TrutoParagraphs $synopsisBlocks
            Description   = $description
            Syntax        = @($syntax)
            Parameters    = @($parameters)
            Inputs        = $inputList
            Outputs       = $outputList
            Notes         = @($notes)
            Examples      = $examples
            RelatedLinks  = $related
            AllCmdlets    = $allNames
        }
    }
}

#endregion

#region MAML

function Write-TrutoMamlParas {
    param([System.Xml.XmlWriter] $W, [string[]] $Paras, [string] $Element = 'description')
    $W.WriteStartElement('maml', $Element, 'http://schemas.microsoft.com/maml/2004/10')
    foreach ($p in @($Paras)) { if ($null -ne $p) { $W.WriteElementString('maml', 'para', 'http://schemas.microsoft.com/maml/2004/10', $p) } }
    if (@($Paras | Where-Object { $_ }).Count -eq 0) { $W.WriteElementString('maml', 'para', 'http://schemas.microsoft.com/maml/2004/10', '') }
    $W.WriteEndElement()
}

function ConvertTo-TrutoMaml {
    param([Parameter(Mandatory)][object[]] $Model)
    $maml = 'http://schemas.microsoft.com/maml/2004/10'
    $cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    $dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $sw = [System.IO.StringWriter]::new([System.Globalization.CultureInfo]::InvariantCulture)
    $w = [System.Xml.XmlWriter]::Create($sw, $settings)

    $writeType = {
        param([string] $Name)
        $w.WriteStartElement('dev', 'type', $dev)
        $w.WriteElementString('maml', 'name', $maml, $Name)
        $w.WriteStartElement('maml', 'uri', $maml); $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $writeParam = {
        param($Name, $Type, $IsSwitch, $Required, $Position, $Pipeline, $Aliases, $Globbing, $Description, $ValidValues, $DefaultValue, [bool] $InSyntax)
        $w.WriteStartElement('command', 'parameter', $cmd)
        $w.WriteAttributeString('required', ([string]$Required).ToLowerInvariant())
        $w.WriteAttributeString('variableLength', 'true')
        $w.WriteAttributeString('globbing', ([string]$Globbing).ToLowerInvariant())
        $w.WriteAttributeString('pipelineInput', $Pipeline)
        $w.WriteAttributeString('position', $(if ($null -ne $Position -and "$Position" -ne 'Named') { [string]$Position } else { 'named' }))
        $w.WriteAttributeString('aliases', $(if (@($Aliases).Count) { @($Aliases) -join ', ' } else { 'none' }))
        $w.WriteElementString('maml', 'name', $maml, $Name)
        Write-TrutoMamlParas -W $w -Paras $Description
        if (@($ValidValues).Count -gt 0) {
            $w.WriteStartElement('command', 'parameterValueGroup', $cmd)
            foreach ($v in $ValidValues) {
                $w.WriteStartElement('command', 'parameterValue', $cmd)
                $w.WriteAttributeString('required', 'false')
                $w.WriteAttributeString('command', 'variableLength', $cmd, 'false')
                $w.WriteString([string]$v)
                $w.WriteEndElement()
            }
            $w.WriteEndElement()
        }
        if (-not ($InSyntax -and $IsSwitch) -and -not ($InSyntax -and @($ValidValues).Count -gt 0)) {
            $w.WriteStartElement('command', 'parameterValue', $cmd)
            $w.WriteAttributeString('required', $(if ($IsSwitch) { 'false' } else { 'true' }))
            $w.WriteAttributeString('variableLength', 'false')
            $w.WriteString($Type)
            $w.WriteEndElement()
        }
        & $writeType $Type
        $w.WriteElementString('dev', 'defaultValue', $dev, $DefaultValue)
        $w.WriteEndElement()
    }

    $w.WriteStartDocument()
    $w.WriteStartElement('helpItems', 'http://msh')
    $w.WriteAttributeString('schema', 'maml')
    foreach ($m in $Model) {
        $w.WriteStartElement('command', 'command', $cmd)
        $w.WriteAttributeString('xmlns', 'maml', $null, $maml)
        $w.WriteAttributeString('xmlns', 'command', $null, $cmd)
        $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
        $w.WriteStartElement('command', 'details', $cmd)
        $w.WriteElementString('command', 'name', $cmd, $m.Name)
        $w.WriteElementString('command', 'verb', $cmd, $m.Verb)
        $w.WriteElementString('command', 'noun', $cmd, $m.Noun)
        Write-TrutoMamlParas -W $w -Paras @($m.Synopsis)
        $w.WriteEndElement() # details
        Write-TrutoMamlParas -W $w -Paras @($m.Description | ForEach-Object Text)

        $w.WriteStartElement('command', 'syntax', $cmd)
        foreach ($s in $m.Syntax) {
            $w.WriteStartElement('command', 'syntaxItem', $cmd)
            $w.WriteElementString('maml', 'name', $maml, $m.Name)
            foreach ($sp in $s.Parameters) {
                $p = $m.Parameters | Where-Object Name -eq $sp.Name | Select-Object -First 1
                & $writeParam $sp.Name $sp.Type $sp.IsSwitch $sp.Required $sp.Position $sp.Pipeline $p.Aliases $p.SupportsWildcards $p.Description $sp.ValidValues $p.DefaultValue $true
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement() # syntax

        $w.WriteStartElement('command', 'parameters', $cmd)
        foreach ($p in $m.Parameters) {
            $g = $p.Groups | Select-Object -First 1
            $required = [bool](@($p.Groups | Where-Object Required).Count -eq @($p.Groups).Count -and @($p.Groups).Count -gt 0)
            $pipeline = if ($g) { $g.Pipeline } else { 'False' }
            $position = if ($g) { $g.Position } else { 'Named' }
            & $writeParam $p.Name $p.Type $p.IsSwitch $required $position $pipeline $p.Aliases $p.SupportsWildcards $p.Description $p.ValidValues $p.DefaultValue $false
        }
        $w.WriteEndElement() # parameters

        $w.WriteStartElement('command', 'inputTypes', $cmd)
        $inputs = if (@($m.Inputs).Count) { $m.Inputs } else { @([pscustomobject]@{ Name = 'None'; Description = "You can't pipe objects to this cmdlet." }) }
        foreach ($i in $inputs) {
            $w.WriteStartElement('command', 'inputType', $cmd)
            & $writeType $i.Name
            Write-TrutoMamlParas -W $w -Paras @($i.Description)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'returnValues', $cmd)
        $outputs = if (@($m.Outputs).Count) { $m.Outputs } else { @([pscustomobject]@{ Name = 'None'; Description = 'This cmdlet returns no output.' }) }
        foreach ($o in $outputs) {
            $w.WriteStartElement('command', 'returnValue', $cmd)
            & $writeType $o.Name
            Write-TrutoMamlParas -W $w -Paras @($o.Description)
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('maml', 'alertSet', $maml)
        $w.WriteStartElement('maml', 'alert', $maml)
        foreach ($n in $m.Notes) { $w.WriteElementString('maml', 'para', $maml, $n) }
        if (@($m.Notes).Count -eq 0) { $w.WriteElementString('maml', 'para', $maml, '') }
        $w.WriteEndElement()
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'examples', $cmd)
        $i = 0
        foreach ($ex in $m.Examples) {
            $i++
            $w.WriteStartElement('command', 'example', $cmd)
            $w.WriteElementString('maml', 'title', $maml, "-------------------------- Example $i --------------------------")
            $w.WriteElementString('dev', 'code', $dev, $ex.Code)
            $w.WriteStartElement('dev', 'remarks', $dev)
            foreach ($r in $ex.Remarks) { $w.WriteElementString('maml', 'para', $maml, $r) }
            $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'relatedLinks', $cmd)
        foreach ($l in $m.RelatedLinks) {
            $w.WriteStartElement('maml', 'navigationLink', $maml)
            $w.WriteElementString('maml', 'linkText', $maml, $l)
            $w.WriteStartElement('maml', 'uri', $maml); $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteEndElement() # command
    }
    $w.WriteEndElement()
    $w.WriteEndDocument()
    $w.Flush()
    $w.Dispose()
    return ($sw.ToString() -replace 'encoding="utf-16"', 'encoding="utf-8"') + "`n"
}

#endregion

#region Markdown

function Format-TrutoSyntaxLine {
    param([string] $Name, $Set)
    $parts = @($Name)
    foreach ($p in $Set.Parameters) {
        $value = if ($p.IsSwitch) { '' } else { " <$($p.Type)>" }
        $nameText = if ($null -ne $p.Position) { "[-$($p.Name)]" } else { "-$($p.Name)" }
        $text = "$nameText$value"
        if ($p.IsSwitch -and $null -ne $p.Position) { $text = "-$($p.Name)" }
        $parts += $(if ($p.Required) { $text } else { "[$text]" })
    }
    $parts += '[<CommonParameters>]'
    return $parts -join ' '
}

function ConvertTo-TrutoMarkdown {
    param([Parameter(Mandatory)] $Model)
    $m = $Model
    $sb = [System.Text.StringBuilder]::new()
    $emit = { param([string] $s = '') $null = $sb.Append($s).Append("`n") }
    & $emit '---'
    & $emit "external help file: $script:TrutoHelpFileName"
    & $emit "Module Name: $($m.ModuleName)"
    & $emit 'online version:'
    & $emit 'schema: 2.0.0'
    & $emit '---'
    & $emit
    & $emit "# $($m.Name)"
    & $emit
    & $emit '## SYNOPSIS'
    & $emit $m.Synopsis
    & $emit
    & $emit '## SYNTAX'
    foreach ($s in $m.Syntax) {
        & $emit
        $title = if (@($m.Syntax).Count -eq 1 -and $s.Name -eq '__AllParameterSets') { '__AllParameterSets' } elseif ($s.IsDefault) { "$($s.Name) (Default)" } else { $s.Name }
        & $emit "### $title"
        & $emit '```'
        & $emit (Format-TrutoSyntaxLine -Name $m.Name -Set $s)
        & $emit '```'
    }
    & $emit
    & $emit '## DESCRIPTION'
    foreach ($b in $m.Description) {
        if ($b.Kind -eq 'code') { & $emit '```powershell'; & $emit $b.Text; & $emit '```' } else { & $emit $b.Text }
        & $emit
    }
    if (@($m.Description).Count -eq 0) { & $emit }
    & $emit '## EXAMPLES'
    $i = 0
    foreach ($ex in $m.Examples) {
        $i++
        & $emit
        & $emit "### Example $i"
        & $emit '```powershell'
        & $emit $ex.Code
        & $emit '```'
        foreach ($r in $ex.Remarks) { & $emit; & $emit $r }
    }
    & $emit
    & $emit '## PARAMETERS'
    foreach ($p in $m.Parameters) {
        & $emit
        & $emit "### -$($p.Name)"
        & $emit ((@($p.Description) -join "`n`n"))
        foreach ($g in $p.Groups) {
            & $emit
            & $emit '```yaml'
            & $emit "Type: $($p.Type)"
            & $emit "Parameter Sets: $($g.SetsText)"
            & $emit ("Aliases: $(@($p.Aliases) -join ', ')".TrimEnd())
            if (@($p.ValidValues).Count) { & $emit "Accepted values: $(@($p.ValidValues) -join ', ')" }
            & $emit
            & $emit "Required: $($g.Required)"
            & $emit "Position: $($g.Position)"
            & $emit "Default value: $($p.DefaultValue)"
            & $emit "Accept pipeline input: $($g.Pipeline)"
            & $emit "Accept wildcard characters: $($p.SupportsWildcards)"
            & $emit '```'
        }
    }
    & $emit
    & $emit '### CommonParameters'
    & $emit $script:TrutoCommonParametersText
    & $emit
    & $emit '## INPUTS'
    $inputs = if (@($m.Inputs).Count) { $m.Inputs } else { @([pscustomobject]@{ Name = 'None'; Description = "You can't pipe objects to this cmdlet." }) }
    foreach ($x in $inputs) { & $emit; & $emit "### $($x.Name)"; if ($x.Description) { & $emit; & $emit $x.Description } }
    & $emit
    & $emit '## OUTPUTS'
    $outputs = if (@($m.Outputs).Count) { $m.Outputs } else { @([pscustomobject]@{ Name = 'None'; Description = 'This cmdlet returns no output.' }) }
    foreach ($x in $outputs) { & $emit; & $emit "### $($x.Name)"; if ($x.Description) { & $emit; & $emit $x.Description } }
    & $emit
    & $emit '## NOTES'
    $prevList = $false
    foreach ($n in $m.Notes) {
        $isItem = $n.StartsWith('- ')
        if (-not ($isItem -and $prevList)) { & $emit }
        & $emit $n
        $prevList = $isItem -or $n.EndsWith(':')
    }
    & $emit
    & $emit '## RELATED LINKS'
    foreach ($l in $m.RelatedLinks) {
        & $emit
        if ($l -like 'about_*') { & $emit "[$l](../module/en-US/$l.help.txt)" } else { & $emit "[$l]($l.md)" }
    }
    return $sb.ToString().TrimEnd("`n") + "`n"
}

function ConvertTo-TrutoModulePage {
    param([Parameter(Mandatory)] $Metadata, [Parameter(Mandatory)][object[]] $Model)
    $sb = [System.Text.StringBuilder]::new()
    $emit = { param([string] $s = '') $null = $sb.Append($s).Append("`n") }
    & $emit '---'
    & $emit "Module Name: $($Metadata.ModuleName)"
    & $emit "Module Guid: $($Metadata.ModuleGuid)"
    & $emit 'Download Help Link:'
    & $emit "Help Version: $($Metadata.ModuleVersion)"
    & $emit 'Locale: en-US'
    & $emit '---'
    & $emit
    & $emit "# $($Metadata.ModuleName) Module"
    & $emit
    & $emit '## Description'
    & $emit $Metadata.ModuleDescription
    & $emit
    & $emit "See also the [tool map](tool-map.md): which cmdlet covers each operation of the API."
    & $emit
    & $emit "## $($Metadata.ModuleName) Cmdlets"
    foreach ($m in $Model) {
        & $emit
        & $emit "### [$($m.Name)]($($m.Name).md)"
        & $emit $m.Synopsis
    }
    return $sb.ToString()
}

function Read-TrutoToolCatalog {
    # operations.tsv, the operation table: tool, method, path, operation_id, seed, area, key, headers, paging, ... (header line first).
    param([Parameter(Mandatory)][string] $Path)
    return , @(Import-Csv -LiteralPath $Path -Delimiter "`t" -Encoding utf8)
}

function ConvertTo-TrutoToolMap {
    param([Parameter(Mandatory)] $Metadata, [string] $ToolsTsv)
    $esc = { param([string] $s) ($s -replace '\|', '\|') }
    $sb = [System.Text.StringBuilder]::new()
    $emit = { param([string] $s = '') $null = $sb.Append($s).Append("`n") }
    & $emit '# Tool map'
    & $emit
    & $emit 'Generated by `./build.ps1 Docs` from the operation table `src/TrutoOpenAi.Core/Catalog/operations.tsv` and `Get-OpenAiOperation`. Do not edit by hand.'
    & $emit
    if (-not $ToolsTsv -or -not (Test-Path -LiteralPath $ToolsTsv)) {
        & $emit 'The operation table (src/TrutoOpenAi.Core/Catalog/operations.tsv) is not in the repository yet.'
        return $sb.ToString()
    }
    $tools = Read-TrutoToolCatalog -Path $ToolsTsv
    # The MCP server serves every operation of the table (its schemas are in tools.json, next to operations.tsv).
    $mcpTools = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::Ordinal)
    $toolsJson = Join-Path (Split-Path -Parent $ToolsTsv) 'tools.json'
    if (Test-Path -LiteralPath $toolsJson) {
        foreach ($entry in (Get-Content -Raw -LiteralPath $toolsJson | ConvertFrom-Json).tools) { $null = $mcpTools.Add([string]$entry.name) }
    }
    $byTool = @{}
    foreach ($op in @($Metadata.Operations)) {
        if (-not $op.Tool) { continue }
        if (-not $byTool.ContainsKey($op.Tool)) { $byTool[$op.Tool] = [System.Collections.Generic.List[object]]::new() }
        $byTool[$op.Tool].Add($op)
    }
    $seed = @($tools | Where-Object seed -eq 'yes')
    $other = @($tools | Where-Object seed -ne 'yes')
    $seedCovered = @($seed | Where-Object { $byTool.ContainsKey($_.tool) }).Count
    $otherCovered = @($other | Where-Object { $byTool.ContainsKey($_.tool) }).Count
    $served = @($tools | Where-Object { $mcpTools.Contains($_.tool) }).Count
    & $emit "Covered by a cmdlet: **$seedCovered / $($seed.Count)** seed tools and **$otherCovered / $($other.Count)** other operations of the spec. Served by the MCP server: **$served / $($tools.Count)** (``Start-OpenAiMcpServer``). Operations without a cmdlet are still reachable with ``Invoke-OpenAiRequest``, which takes the key and headers of the table."
    & $emit
    & $emit 'Key: the key the operation takes (admin: `Connect-OpenAi -AdminKey`; api: `-ApiKey`). Headers: sent with every request of the operation.'
    if (-not $Metadata.HasOperationMap) {
        & $emit
        & $emit 'The module has no Get-OpenAiOperation cmdlet yet, so no tool is mapped.'
    }
    $section = {
        param([string] $Title, [string] $Intro, [object[]] $Rows)
        & $emit
        & $emit "## $Title"
        & $emit
        & $emit $Intro
        & $emit
        & $emit '| Tool | Method | Path | Operation id | Cmdlet | Parameter set | MCP tool | Key | Headers |'
        & $emit '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
        foreach ($t in $Rows) {
            if ($byTool.ContainsKey($t.tool)) {
                $ops = ConvertTo-TrutoOrdinalSorted -InputObject @($byTool[$t.tool] | ForEach-Object { "$($_.Command)`t$($_.ParameterSet)" })
                $cmdText = (@($ops | ForEach-Object { $c = ($_ -split "`t")[0]; "[$c]($c.md)" } | Select-Object -Unique)) -join '<br>'
                $setText = (@($ops | ForEach-Object { $f = $_ -split "`t"; if ($f[1]) { $f[1] } else { '(all)' } })) -join '<br>'
            } else {
                $cmdText = 'not yet'; $setText = ''
            }
            $mcp = if ($mcpTools.Contains($t.tool)) { 'yes' } else { 'not yet' }
            $opId = if ($t.operation_id) { $t.operation_id } else { '(none: not in spec)' }
            & $emit "| $(& $esc $t.tool) | $(& $esc $t.method) | $(& $esc $t.path) | $(& $esc $opId) | $cmdText | $(& $esc $setText) | $mcp | $($t.key) | $(& $esc $t.headers) |"
        }
    }
    & $section 'Seed tools' "The product's $($seed.Count) tools, named as the product names them." $seed
    & $section 'Other operations of the spec' 'The spec''s other operations (reference extra_operations.tsv), named in the same pattern.' $other
    $known = [System.Collections.Generic.HashSet[string]]::new([string[]]@($tools | ForEach-Object tool), [System.StringComparer]::Ordinal)
    $unknown = @(ConvertTo-TrutoOrdinalSorted -InputObject @($Metadata.Operations | Where-Object { -not $_.Tool -or -not $known.Contains($_.Tool) } |
        ForEach-Object { "$($_.Path)`t$($_.Method)`t$($_.Command)`t$($_.ParameterSet)" } | Select-Object -Unique))
    if ($unknown.Count) {
        & $emit
        & $emit '## Operations not in the table'
        & $emit
        & $emit 'Get-OpenAiOperation reports these operations, which operations.tsv does not hold (the catalog test fails on them):'
        & $emit
        & $emit '| Method | Path | Cmdlet | Parameter set |'
        & $emit '| --- | --- | --- | --- |'
        foreach ($x in $unknown) {
            $f = $x -split "`t"
            & $emit "| $(& $esc $f[1]) | $(& $esc $f[0]) | [$($f[2])]($($f[2]).md) | $(if ($f[3]) { & $esc $f[3] } else { '(all)' }) |"
        }
    }
    return $sb.ToString()
}

#endregion

#region Orchestration (runs in the build session: never imports the module itself)

function Get-TrutoHelpPaths {
    param([Parameter(Mandatory)][string] $RepoRoot, [string] $Configuration = 'Release')
    $bin = Join-Path $RepoRoot "src/TrutoOpenAi.PowerShell/bin/$Configuration/netstandard2.0"
    [pscustomobject]@{
        XmlDocs  = @((Join-Path $bin 'TrutoOpenAi.PowerShell.xml'), (Join-Path $bin 'TrutoOpenAi.Core.xml'))
        ToolsTsv = Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/operations.tsv'
        Exporter = Join-Path $RepoRoot 'build/Export-HelpMetadata.ps1'
    }
}

function Export-TrutoHelpMetadata {
    # Runs build/Export-HelpMetadata.ps1 in a child `dotnet pwsh` and reads its JSON.
    param([Parameter(Mandatory)][string] $RepoRoot, [Parameter(Mandatory)][string] $ManifestPath, [Parameter(Mandatory)][string] $OutFile)
    $paths = Get-TrutoHelpPaths -RepoRoot $RepoRoot
    if (Test-Path -LiteralPath $OutFile) { Remove-Item -LiteralPath $OutFile -Force }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @('pwsh', '-NoProfile', '-NonInteractive', '-File', $paths.Exporter, '-ManifestPath', $ManifestPath, '-OutFile', $OutFile)) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $RepoRoot
    $psi.UseShellExecute = $false
    $proc = [System.Diagnostics.Process]::Start($psi)
    if (-not $proc.WaitForExit(300000)) { $proc.Kill($true); throw 'Collecting help metadata timed out after 300 s.' }
    $proc.WaitForExit()
    if ($proc.ExitCode -ne 0 -or -not (Test-Path -LiteralPath $OutFile)) { throw "Collecting help metadata from $ManifestPath failed (exit code $($proc.ExitCode))." }
    return (Get-Content -Raw -LiteralPath $OutFile | ConvertFrom-Json -DateKind String)
}

function New-TrutoHelp {
    # Generates help from the staged module. -MamlPath writes the MAML; -DocsDir writes docs/*.md and the
    # tool map into that folder (removing pages of cmdlets that no longer exist).
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [Parameter(Mandatory)][string] $StageDir,
        [string] $Configuration = 'Release',
        [string] $MamlPath,
        [string] $DocsDir,
        [string] $WorkDir = (Join-Path $RepoRoot 'out')
    )
    $manifest = Join-Path $StageDir 'TrutoOpenAi.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "No staged module at ${StageDir}: run './build.ps1 Build' first." }
    $paths = Get-TrutoHelpPaths -RepoRoot $RepoRoot -Configuration $Configuration
    if (-not (Test-Path -LiteralPath $paths.XmlDocs[0])) { throw "XML documentation not found at $($paths.XmlDocs[0]): is GenerateDocumentationFile on in TrutoOpenAi.PowerShell.csproj?" }
    if (-not (Test-Path -LiteralPath $WorkDir)) { $null = New-Item -ItemType Directory -Path $WorkDir -Force }
    $meta = Export-TrutoHelpMetadata -RepoRoot $RepoRoot -ManifestPath $manifest -OutFile (Join-Path $WorkDir 'help-metadata.json')
    $xml = Read-TrutoXmlDoc -Path $paths.XmlDocs
    $model = @(ConvertTo-TrutoHelpModel -Metadata $meta -XmlDoc $xml)
    $written = [System.Collections.Generic.List[string]]::new()
    if ($MamlPath) {
        Write-Utf8File -Path $MamlPath -Text (ConvertTo-TrutoMaml -Model $model)
        $written.Add($MamlPath)
    }
    if ($DocsDir) {
        if (-not (Test-Path -LiteralPath $DocsDir)) { $null = New-Item -ItemType Directory -Path $DocsDir -Force }
        $keep = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::Ordinal)
        foreach ($m in $model) {
            $p = Join-Path $DocsDir "$($m.Name).md"
            Write-Utf8File -Path $p -Text (ConvertTo-TrutoMarkdown -Model $m)
            $null = $keep.Add("$($m.Name).md"); $written.Add($p)
        }
        $modulePage = Join-Path $DocsDir "$($meta.ModuleName).md"
        Write-Utf8File -Path $modulePage -Text (ConvertTo-TrutoModulePage -Metadata $meta -Model $model)
        $null = $keep.Add("$($meta.ModuleName).md"); $written.Add($modulePage)
        $toolMap = Join-Path $DocsDir 'tool-map.md'
        Write-Utf8File -Path $toolMap -Text (ConvertTo-TrutoToolMap -Metadata $meta -ToolsTsv $paths.ToolsTsv)
        $null = $keep.Add('tool-map.md'); $written.Add($toolMap)
        # A page whose cmdlet is gone (it carries our front matter) is removed; other docs are left alone.
        foreach ($f in (Get-ChildItem -LiteralPath $DocsDir -Filter *.md -File)) {
            if ($keep.Contains($f.Name)) { continue }
            $head = Get-Content -LiteralPath $f.FullName -TotalCount 3
            if ($head -contains "external help file: $script:TrutoHelpFileName") { Remove-Item -LiteralPath $f.FullName -Force }
        }
    }
    [pscustomobject]@{ Metadata = $meta; Model = $model; Files = $written.ToArray() }
}

#endregion
