Describe 'Usage, costs and spend against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'usage-tests' -SeedProjects 20
        # A fixed month in the past: every bucket is complete, so reads are repeatable.
        $script:start = [DateTimeOffset]::new([datetime]::UtcNow.Date.AddDays(-40), [TimeSpan]::Zero)
        $script:end = $start.AddDays(31)
        $script:projects = @(Get-OpenAiProject)

        function Invoke-Rejected {
            # Sends a raw request and returns the API error (message, param, code) the emulator answered with.
            param([string] $Path, [hashtable] $Query)
            $err = $null
            Invoke-OpenAiRequest -Path $Path -Query $Query -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0]
        }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    Context 'paging' {
        It 'Get-OpenAiCost pages a month of 20 projects through many page tokens with no bucket lost or repeated' {
            $since = Get-EmulatorSeq $emu
            $paged = @(Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId -PageSize 3)
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 11            # 31 days, 3 per page
            # Each request after the first sends the previous answer's next_page and the same time range.
            for ($i = 1; $i -lt $log.Count; $i++) {
                $log[$i].query_params.page | Should -Not -BeNullOrEmpty
                $log[$i].query_params.start_time | Should -Be $log[0].query_params.start_time
                $log[$i].query_params.page | Should -Not -Be $log[$i - 1].query_params.page
            }
            # Every (day, project) exactly once, all 31 days, all 20 projects, no unix seconds anywhere.
            ($paged | Group-Object { '{0:o}|{1}' -f $_.BucketStart, $_.ProjectId } | Where-Object Count -gt 1) | Should -BeNullOrEmpty
            @($paged.BucketStart | Select-Object -Unique).Count | Should -Be 31
            @($paged.ProjectId | Select-Object -Unique).Count | Should -Be 20
            $paged[0].BucketStart | Should -BeOfType ([DateTimeOffset])
            $paged[0].BucketStart | Should -Be $start
            # The same rows as one big page.
            $whole = @(Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId -PageSize 31)
            ($paged | ForEach-Object { "$($_.BucketStart.ToUnixTimeSeconds()) $($_.ProjectId) $($_.Amount)" }) -join "`n" |
                Should -Be (($whole | ForEach-Object { "$($_.BucketStart.ToUnixTimeSeconds()) $($_.ProjectId) $($_.Amount)" }) -join "`n")
        }

        It 'Get-OpenAiUsageCompletion pages hourly buckets with the default limit per bucket width' {
            $since = Get-EmulatorSeq $emu
            $rows = @(Get-OpenAiUsageCompletion -StartTime $start -EndTime $start.AddDays(3) -BucketWidth 1h)
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 3              # 72 hourly buckets, 24 per page by default
            $log[0].query_params.bucket_width | Should -Be '1h'
            $log[0].query_params.PSObject.Properties.Name | Should -Not -Contain 'limit'
            @($rows.BucketStart | Select-Object -Unique).Count | Should -Be 72
            ($rows | ForEach-Object { ($_.BucketEnd - $_.BucketStart).TotalHours } | Select-Object -Unique) | Should -Be 1
        }

        It '-First counts rows and stops the requests' {
            $since = Get-EmulatorSeq $emu
            $few = @(Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId -First 25 -PageSize 1)
            $few.Count | Should -Be 25
            (Get-EmulatorLog $emu -Since $since).Count | Should -Be 2   # 20 rows per day
            $skipped = @(Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId -Skip 20 -First 5)
            "$($skipped.ProjectId)" | Should -Be "$($few[20..24].ProjectId)"
        }

        It '-PageSize above the bucket width''s maximum is refused before any request' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiUsageEmbedding -StartTime $start -PageSize 32 -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidPageSize,*'
            Get-OpenAiUsageEmbedding -StartTime $start -EndTime $start.AddHours(2) -BucketWidth 1h -PageSize 168 | Out-Null
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
        }
    }

    Context 'shape for PowerShell' {
        It 'sends DateTime and DateTimeOffset times as unix seconds and filters as repeated keys' {
            $since = Get-EmulatorSeq $emu
            $local = [datetime]::new(2026, 1, 10, 12, 0, 0, [DateTimeKind]::Utc)
            Get-OpenAiUsageCompletion -StartTime $local -EndTime $local.AddDays(1) -ProjectId $projects[0].Id, $projects[1].Id -Model 'gpt-4o-2024-08-06' -Batch $false -GroupBy Model, ServiceTier | Out-Null
            $q = (Get-EmulatorLog $emu -Since $since)[0].query_params
            $q.start_time | Should -Be ([DateTimeOffset]$local).ToUnixTimeSeconds()
            $q.project_ids | Should -Be @($projects[0].Id, $projects[1].Id)
            $q.models | Should -Be 'gpt-4o-2024-08-06'
            $q.batch | Should -Be 'false'
            $q.group_by | Should -Be @('project_id', 'model', 'service_tier')
        }

        It 'each usage cmdlet writes typed rows with its measures and the grouping keys asked for' {
            $r = Get-OpenAiUsageImage -StartTime $start -EndTime $start.AddDays(1) -GroupBy Source, Size | Select-Object -First 1
            $r | Should -BeOfType ([TrutoOpenAi.Core.Models.Usage.OpenAiImagesUsage])
            $r.Images | Should -BeGreaterThan 0
            $r.Source | Should -BeIn 'image.generation', 'image.edit', 'image.variation'
            $r.ProjectId | Should -BeNullOrEmpty
            (Get-OpenAiUsageWebSearchCall -StartTime $start -EndTime $start.AddDays(1) -ContextLevel high -GroupBy ContextLevel).ContextLevel | Should -Be 'high'
            (Get-OpenAiUsageFileSearchCall -StartTime $start -EndTime $start.AddDays(1) -GroupBy VectorStoreId | Select-Object -First 1).VectorStoreId | Should -BeLike 'vs_*'
            (Get-OpenAiUsageVectorStore -StartTime $start -EndTime $start.AddDays(1)).UsageBytes | Should -BeGreaterThan 0
            (Get-OpenAiUsageCodeInterpreterSession -StartTime $start -EndTime $start.AddDays(1)).NumSessions | Should -BeGreaterThan 0
            (Get-OpenAiUsageAudioSpeech -StartTime $start -EndTime $start.AddDays(1)).Characters | Should -BeGreaterThan 0
            (Get-OpenAiUsageAudioTranscription -StartTime $start -EndTime $start.AddDays(1)).Seconds | Should -BeGreaterThan 0
            (Get-OpenAiUsageModeration -StartTime $start -EndTime $start.AddDays(1)).InputTokens | Should -BeGreaterThan 0
            (Get-OpenAiUsageEmbedding -StartTime $start -EndTime $start.AddDays(1) -GroupBy UserId | Select-Object -First 1).UserId | Should -Not -BeNullOrEmpty
        }

        It 'GroupBy and the other enum parameters tab-complete the values the endpoint accepts' {
            (Get-Command Get-OpenAiCost).Parameters.GroupBy.Attributes.ValidValues | Should -Be @('ProjectId', 'LineItem', 'ApiKeyId')
            (Get-Command Get-OpenAiCost).Parameters.BucketWidth.Attributes.ValidValues | Should -Be @('1d')
            (Get-Command Get-OpenAiUsageVectorStore).Parameters.GroupBy.Attributes.ValidValues | Should -Be @('ProjectId')
            (Get-Command Get-OpenAiUsageVectorStore).Parameters.Keys | Should -Not -Contain 'Model'
            $completions = (TabExpansion2 -inputScript 'Get-OpenAiUsageCompletion -GroupBy Serv' -cursorColumn 39).CompletionMatches.CompletionText
            $completions | Should -Contain 'ServiceTier'
        }

        It 'Get-OpenAiProject | Get-OpenAiCost scopes to each piped project' {
            $since = Get-EmulatorSeq $emu
            $rows = @($projects[0..2] | Get-OpenAiCost -StartTime $start -EndTime $start.AddDays(5))
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 3
            $log.ForEach({ $_.query_params.project_ids }) | Should -Be $projects[0..2].Id
            @($rows.ProjectId | Select-Object -Unique) | Should -Be $projects[0..2].Id
            $rows.Count | Should -Be 15
        }

        It 'costs summed per project, per line item and per day agree with each other, the API''s total and -Summarize' {
            $total = (Get-OpenAiCost -StartTime $start -EndTime $end -PageSize 31 | Measure-Object Amount -Sum).Sum
            $rows = @(Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId, LineItem -PageSize 31)
            $perProject = $rows | Group-Object ProjectId | ForEach-Object { [pscustomobject]@{ Id = $_.Name; Sum = ($_.Group | Measure-Object Amount -Sum).Sum } }
            $perItem = $rows | Group-Object LineItem | ForEach-Object { ($_.Group | Measure-Object Amount -Sum).Sum }
            $perDay = $rows | Group-Object { $_.BucketStart.Date } | ForEach-Object { ($_.Group | Measure-Object Amount -Sum).Sum }
            $perProject.Count | Should -Be 20
            $perDay.Count | Should -Be 31
            ($perProject.Sum | Measure-Object -Sum).Sum | Should -BeGreaterThan ($total - 0.000001)
            ($perProject.Sum | Measure-Object -Sum).Sum | Should -BeLessThan ($total + 0.000001)
            [math]::Abs(($perItem | Measure-Object -Sum).Sum - $total) | Should -BeLessThan 0.000001
            [math]::Abs(($perDay | Measure-Object -Sum).Sum - $total) | Should -BeLessThan 0.000001
            # Grouped per project by the API equals grouped per project here.
            $apiPerProject = Get-OpenAiCost -StartTime $start -EndTime $end -GroupBy ProjectId -PageSize 31 | Group-Object ProjectId |
                ForEach-Object { [pscustomobject]@{ Id = $_.Name; Sum = [decimal]0 + ($_.Group | ForEach-Object Amount | Measure-Object -Sum).Sum } }
            foreach ($p in $perProject) { [math]::Abs(($apiPerProject | Where-Object Id -eq $p.Id).Sum - $p.Sum) | Should -BeLessThan 0.000001 }

            $summary = Get-OpenAiCost -StartTime $start -EndTime $end -Summarize
            $summary | Should -BeOfType ([TrutoOpenAi.Core.Models.Usage.OpenAiCostSummary])
            [math]::Abs([double]$summary.TotalAmount - $total) | Should -BeLessThan 0.000001
            $summary.ByProject.Count | Should -Be 20
            $summary.ByDay.Count | Should -Be 31
            $summary.ByLineItem.Count | Should -Be @($perItem).Count
            [math]::Abs([double]$summary.ByProject[0].Amount - ($perProject | Sort-Object Sum -Descending)[0].Sum) | Should -BeLessThan 0.000001   # decimal vs the double sum of Measure-Object
            $summary.Currency | Should -Be 'usd'
        }
    }

    Context 'the emulator rejects what the API rejects' {
        It 'end before start is a 400 on end_time' {
            $e = Invoke-Rejected 'organization/costs' @{ start_time = 1000; end_time = 999 }
            $e.FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e.Exception.Param | Should -Be 'end_time'
        }
        It 'an unknown group_by is a 400 on group_by' {
            $e = Invoke-Rejected 'organization/usage/vector_stores' @{ start_time = 1000; group_by = 'model' }
            $e.Exception.Param | Should -Be 'group_by'
            $e.Exception.StatusCode | Should -Be 400
        }
        It 'a bucket width the endpoint does not allow is a 400 on bucket_width' {
            $e = Invoke-Rejected 'organization/costs' @{ start_time = 1000; bucket_width = '1h' }
            $e.Exception.Param | Should -Be 'bucket_width'
            $e.Exception.Code | Should -Be 'invalid_value'
        }
        It 'a missing start_time, a limit above the maximum and a forged page token are 400s' {
            (Invoke-Rejected 'organization/usage/completions' @{ limit = 5 }).Exception.Code | Should -Be 'missing_required_parameter'
            (Invoke-Rejected 'organization/usage/completions' @{ start_time = 1000; bucket_width = '1h'; limit = 169 }).Exception.Code | Should -Be 'integer_above_max_value'
            (Invoke-Rejected 'organization/usage/completions' @{ start_time = 1000; page = 'page_bogus' }).Exception.Param | Should -Be 'page'
        }
        It 'the cmdlets refuse end before start before sending anything' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiCost -StartTime $end -EndTime $start -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTimeRange,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }

    Context 'spend alerts and limits' {
        It 'New/Get/Set/Remove-OpenAiSpendAlert manage organization and project alerts in dollars' {
            $org = New-OpenAiSpendAlert -Threshold 1234.5 -Recipient 'finance@example.com' -SubjectPrefix 'Spend'
            $org.ThresholdAmount | Should -Be 123450
            $org.Threshold | Should -Be 1234.5
            $org.Scope | Should -Be 'Organization'
            $proj = $projects[0] | New-OpenAiSpendAlert -Threshold 50 -Recipient 'ops@example.com'
            $proj.ProjectId | Should -Be $projects[0].Id
            $proj.Object | Should -Be 'project.spend_alert'
            (Get-OpenAiSpendAlert).Id | Should -Contain $org.Id
            (Get-OpenAiSpendAlert).Id | Should -Not -Contain $proj.Id
            ($projects[0] | Get-OpenAiSpendAlert).Id | Should -Be $proj.Id
            $changed = $proj | Set-OpenAiSpendAlert -Threshold 75 -PassThru
            $changed.Threshold | Should -Be 75
            $changed.Recipients | Should -Be 'ops@example.com'
            $proj | Remove-OpenAiSpendAlert -Confirm:$false
            $projects[0] | Get-OpenAiSpendAlert | Should -BeNullOrEmpty
            Get-OpenAiSpendAlert -AlertId $proj.Id -ProjectId $projects[0].Id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            $org | Remove-OpenAiSpendAlert -WhatIf
            Get-OpenAiSpendAlert -AlertId $org.Id | Should -Not -BeNullOrEmpty
        }

        It 'Set/Get/Remove-OpenAiSpendLimit report whether the limit is enforcing' {
            $low = $projects[1] | Set-OpenAiSpendLimit -Threshold 0.01 -PassThru
            $low.Status | Should -Be 'enforcing'
            $high = Set-OpenAiSpendLimit -Threshold 100000000 -PassThru
            $high.Status | Should -Be 'inactive'
            $high.Scope | Should -Be 'Organization'
            ($projects[1] | Get-OpenAiSpendLimit).ThresholdAmount | Should -Be 1
            $projects[1] | Remove-OpenAiSpendLimit -Confirm:$false
            # No limit set is not an error (issue 13 item 8): nothing is written, -Verbose says so.
            $none = @($projects[1] | Get-OpenAiSpendLimit -ErrorVariable e -Verbose 4>&1)
            $e | Should -BeNullOrEmpty
            @($none | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
            @($none | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'No hard spend limit is set*' }) | Should -HaveCount 1
            Get-OpenAiSpendLimit -ProjectId proj_doesnotexist000000000000 -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }
    }

    Context 'the HTML cost report' {
        BeforeAll {
            # Headless Chromium renders the report. Install it when missing and possible (root + apt), else skip with the reason.
            $script:chromium = (Get-Command chromium, chromium-browser, google-chrome -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
            $script:skipReason = $null
            if (-not $chromium -and $IsLinux -and (id -u) -eq 0 -and (Get-Command apt-get -ErrorAction SilentlyContinue)) {
                Write-Host 'Chromium is missing: installing it with apt-get (chromium) for the report test.'
                $env:DEBIAN_FRONTEND = 'noninteractive'
                apt-get install -y -qq chromium 2>&1 | Out-Null
                if ($LASTEXITCODE -ne 0) { apt-get update -qq 2>&1 | Out-Null; apt-get install -y -qq chromium 2>&1 | Out-Null }
                $script:chromium = (Get-Command chromium -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
            }
            if (-not $chromium) { $script:skipReason = 'Chromium is not installed and cannot be installed here (needs root and apt-get).' }

            function Invoke-Chromium {
                param([string[]] $Arguments)
                $profileDir = Join-Path ([IO.Path]::GetTempPath()) "chromium-$([guid]::NewGuid().ToString('n'))"
                New-Item -ItemType Directory $profileDir | Out-Null
                try {
                    $common = '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                        '--disable-component-update', '--disable-sync', "--user-data-dir=$profileDir", '--hide-scrollbars'
                    & $chromium @common @Arguments 2>$null
                } finally { Remove-Item $profileDir -Recurse -Force -ErrorAction SilentlyContinue }
            }

            $script:reportDir = Join-Path ([IO.Path]::GetTempPath()) "cost-report-$([guid]::NewGuid().ToString('n'))"
            $script:report = Export-OpenAiCostReport -Path (Join-Path $reportDir 'costs.html') -StartTime $start -EndTime $end -PassThru -Confirm:$false
        }
        AfterAll { Remove-Item $reportDir -Recurse -Force -ErrorAction SilentlyContinue }

        It 'Export-OpenAiCostReport writes one self-contained file with no script and no network reference' {
            $html = Get-Content $report.FullName -Raw
            $html | Should -Match '^<!DOCTYPE html>'
            $html | Should -Not -Match '<script'
            $html | Should -Not -Match '(src|href)="(https?:)?//'
        }

        It 'Chromium draws the chart with one series per project, and the totals' {
            if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
            $dom = (Invoke-Chromium '--dump-dom', "file://$($report.FullName)") -join "`n"
            $dom | Should -Match '<svg class="chart"'
            $series = [regex]::Matches($dom, '<g class="series" data-project="(proj_[^"]+)"') | ForEach-Object { $_.Groups[1].Value }
            $series.Count | Should -Be 20
            @($series | Select-Object -Unique).Count | Should -Be 20
            $series | Sort-Object | Should -Be ($projects.Id | Sort-Object)
            ([regex]::Matches($dom, '<rect ')).Count | Should -BeGreaterThan (20 * 25)
            $total = (Get-OpenAiCost -StartTime $start -EndTime $end -Summarize).TotalAmount
            $dom | Should -Match ([regex]::Escape('Total spend</div><div class="value">$' + $total.ToString('#,##0.00', [cultureinfo]::InvariantCulture)))
        }

        It 'Chromium renders a screenshot of the report' {
            if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
            $png = Join-Path $reportDir 'costs.png'
            Invoke-Chromium '--window-size=1060,1400', "--screenshot=$png", "file://$($report.FullName)" | Out-Null
            (Get-Item $png).Length | Should -BeGreaterThan 20KB
            [IO.File]::ReadAllBytes($png)[1..3] | Should -Be ([byte[]][char[]]'PNG')
        }
    }
}
