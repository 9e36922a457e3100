# Fine-tuning jobs, events and checkpoints (API key) against the emulator; the job lifecycle follows the emulator clock.
Describe 'Fine-tuning against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'finetuning-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "finetuning-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        function script:New-TrainingFile([string] $Purpose = 'fine-tune') {
            $path = Join-Path $work "train-$([guid]::NewGuid().ToString('n').Substring(0, 6)).jsonl"
            1..3 | ForEach-Object { '{"messages":[{"role":"user","content":"q' + $_ + '"},{"role":"assistant","content":"a"}]}' } | Set-Content -Path $path
            New-OpenAiFile -Path $path -Purpose $Purpose -Confirm:$false
        }
        $script:start = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        Set-EmulatorClock @{ now = $start }
        $script:file = New-TrainingFile
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Creating jobs' {
        It 'New-OpenAiFineTuningJob binds a piped file, sends model, training file, suffix and a supervised method, and writes the job validating files' {
            $since = Get-EmulatorSeq $emu
            $job = $file | New-OpenAiFineTuningJob -Model gpt-4o-mini -Suffix support -Seed 42 -Epochs 3 -Metadata @{ team = 'support' } -Confirm:$false
            $job | Should -BeOfType ([TrutoOpenAi.Core.Models.FineTuning.OpenAiFineTuningJob])
            $job.Id | Should -BeLike 'ftjob-*'
            $job.FineTuningJobId | Should -Be $job.Id
            $job.Status | Should -Be 'validating_files'
            $job.TrainingFile | Should -Be $file.Id
            $job.Seed | Should -Be 42
            $job.Metadata.team | Should -Be 'support'
            $job.Method.GetProperty('supervised').GetProperty('hyperparameters').GetProperty('n_epochs').GetInt32() | Should -Be 3
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].method | Should -Be 'POST'
            $log[0].path | Should -Be '/v1/fine_tuning/jobs'
            $log[0].auth_kind | Should -Be 'api'
        }

        It 'A training file of another purpose is refused: OpenAiInvalidRequest, no job' {
            $batchFile = New-TrainingFile -Purpose batch
            $before = @(Get-OpenAiFineTuningJob).Count
            New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $batchFile.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            @(Get-OpenAiFineTuningJob).Count | Should -Be $before
        }

        It '-WhatIf creates nothing' {
            $since = Get-EmulatorSeq $emu
            New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).Count | Should -Be 0
        }
    }

    Context 'Lifecycle' {
        It 'A job goes validating_files, queued, running, succeeded with the clock, and then has a model, events, checkpoints and a result file' {
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Suffix life -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'queued'
            Set-EmulatorClock @{ advance_seconds = 2 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'running'
            Set-EmulatorClock @{ advance_seconds = 10 }
            $done = Get-OpenAiFineTuningJob -Id $job.Id
            $done.Status | Should -Be 'succeeded'
            $done.FineTunedModel | Should -BeLike 'ft:gpt-4o-mini:org:life:*'
            $done.FinishedAt | Should -BeOfType ([DateTimeOffset])
            $done.TrainedTokens | Should -BeGreaterThan 0
            (Get-OpenAiFile -Id $done.ResultFiles[0]).Purpose | Should -Be 'fine-tune-results'
            (Get-OpenAiModel -Id $done.FineTunedModel).Id | Should -Be $done.FineTunedModel

            $events = @($done | Get-OpenAiFineTuningEvent)
            $events[0].Message | Should -Be 'The job has successfully completed'
            $events[-1].Message | Should -Be 'Created fine-tuning job'
            $events.Message | Should -Contain 'Fine-tuning job started'
            ($events | Where-Object Type -eq metrics).Count | Should -Be 3
            $events | ForEach-Object { $_.FineTuningJobId | Should -Be $job.Id }

            $checkpoints = @($done | Get-OpenAiFineTuningCheckpoint)
            $checkpoints.Count | Should -Be 3
            $checkpoints[0].StepNumber | Should -Be 30
            $checkpoints[0].FineTunedModelCheckpoint | Should -Be $done.FineTunedModel
            $checkpoints[0].Metrics['train_loss'] | Should -BeGreaterThan 0
            $checkpoints | ForEach-Object { $_.FineTuningJobId | Should -Be $job.Id }
        }

        It 'Get-OpenAiFineTuningJob | Where-Object Status -eq running | Suspend-OpenAiFineTuningJob pauses the running jobs; Resume goes on where it stopped' {
            Get-OpenAiFineTuningJob | Where-Object Status -in 'validating_files', 'queued', 'running' | Stop-OpenAiFineTuningJob -Confirm:$false
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 6 }   # 2 validating + 2 queued + 2 of 10 running
            $since = Get-EmulatorSeq $emu
            Get-OpenAiFineTuningJob | Where-Object Status -eq running | Suspend-OpenAiFineTuningJob -Confirm:$false
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).path | Should -Be @("/v1/fine_tuning/jobs/$($job.Id)/pause")
            Set-EmulatorClock @{ advance_seconds = 100 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'paused'
            $resumed = Get-OpenAiFineTuningJob -Status paused | Resume-OpenAiFineTuningJob -Confirm:$false -PassThru
            $resumed.Status | Should -Be 'running'
            Set-EmulatorClock @{ advance_seconds = 7 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'running'
            Set-EmulatorClock @{ advance_seconds = 1 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'succeeded'
            ($job | Get-OpenAiFineTuningEvent).Message | Should -Contain 'Fine-tuning job paused'
        }

        It 'A job that is not paused cannot be resumed: OpenAiInvalidRequest (400) and the pipeline goes on' {
            $queued = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 6 }
            $paused = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 4 }
            $paused | Suspend-OpenAiFineTuningJob -Confirm:$false
            $out = @($queued, $paused | Resume-OpenAiFineTuningJob -Confirm:$false -PassThru -ErrorAction SilentlyContinue -ErrorVariable failure)
            $out.Id | Should -Be @($paused.Id)
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $failure[0].TargetObject | Should -Be $queued.Id
        }

        It 'Suspend-OpenAiFineTuningJob refuses a job that is not running' {
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            Suspend-OpenAiFineTuningJob -Id $job.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'validating_files'
        }

        It 'Stop-OpenAiFineTuningJob -WhatIf cancels nothing; -Confirm:$false cancels, and a finished job cannot be cancelled' {
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $job | Stop-OpenAiFineTuningJob -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).Count | Should -Be 0
            $cancelled = $job | Stop-OpenAiFineTuningJob -Confirm:$false -PassThru
            $cancelled.Status | Should -Be 'cancelled'
            Set-EmulatorClock @{ advance_seconds = 60 }
            (Get-OpenAiFineTuningJob -Id $job.Id).Status | Should -Be 'cancelled'
            $job | Stop-OpenAiFineTuningJob -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        }
    }

    Context 'Listing' {
        It 'Get-OpenAiFineTuningJob pages with has_more only, using the last job id as the next cursor' {
            1..3 | ForEach-Object { New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false } | Out-Null
            $all = @(Get-OpenAiFineTuningJob)
            $since = Get-EmulatorSeq $emu
            $paged = @(Get-OpenAiFineTuningJob -PageSize 2)
            $paged.Id | Should -Be $all.Id
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be ([math]::Ceiling($all.Count / 2))
            $log[1].query_params.after | Should -Be $all[1].Id
        }

        It '-Metadata is sent as metadata[key]=value; -Status filters here' {
            $tagged = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Metadata @{ team = 'listing' } -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $found = @(Get-OpenAiFineTuningJob -Metadata @{ team = 'listing' })
            $found.Id | Should -Be @($tagged.Id)
            (Get-EmulatorLog $emu -Since $since)[0].query_params.'metadata[team]' | Should -Be 'listing'
            $since = Get-EmulatorSeq $emu
            $cancelled = @(Get-OpenAiFineTuningJob -Status cancelled)
            $cancelled.Count | Should -BeGreaterThan 0
            $cancelled | ForEach-Object { $_.Status | Should -Be 'cancelled' }
            (Get-EmulatorLog $emu -Since $since)[0].query_params.status | Should -BeNullOrEmpty
        }

        It 'An unknown job writes OpenAiNotFound and the pipeline goes on' {
            $known = (Get-OpenAiFineTuningJob -First 1).Id
            $out = @(Get-OpenAiFineTuningJob -Id 'ftjob-doesnotexist', $known -ErrorAction SilentlyContinue -ErrorVariable failure)
            $out.Id | Should -Be @($known)
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            Get-OpenAiFineTuningEvent -FineTuningJobId ftjob-doesnotexist -ErrorAction SilentlyContinue -ErrorVariable failure2
            $failure2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Get-OpenAiFineTuningEvent -First stops paging once enough events came' {
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 20 }
            $since = Get-EmulatorSeq $emu
            $events = @(Get-OpenAiFineTuningEvent -FineTuningJobId $job.Id -First 2 -PageSize 2)
            $events.Count | Should -Be 2
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
        }
    }

    Context 'Checkpoint permissions (admin key)' {
        BeforeAll {
            $job = New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile $file.Id -Suffix perms -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 20 }
            $script:checkpoint = $job | Get-OpenAiFineTuningCheckpoint -First 1
            $script:projects = 1..2 | ForEach-Object { New-OpenAiProject -Name "ft-perm-$_-$([guid]::NewGuid().ToString('n').Substring(0, 6))" -Confirm:$false }
        }

        It 'New-OpenAiFineTuningCheckpointPermission grants projects access with the admin key, one permission per project' {
            $since = Get-EmulatorSeq $emu
            $granted = @($checkpoint | New-OpenAiFineTuningCheckpointPermission -ProjectId $projects.Id -Confirm:$false)
            $granted.Count | Should -Be 2
            $granted.ProjectId | Should -Be $projects.Id
            $granted | ForEach-Object { $_.FineTunedModelCheckpoint | Should -Be $checkpoint.FineTunedModelCheckpoint; $_.PermissionId | Should -BeLike 'cp_*' }
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].auth_kind | Should -Be 'admin'
            $log[0].path | Should -Be "/v1/fine_tuning/checkpoints/$($checkpoint.FineTunedModelCheckpoint)/permissions"
        }

        It 'Get-OpenAiFineTuningCheckpointPermission lists newest first, filters by -ProjectId at the API, and pipes to Remove' {
            $all = @($checkpoint | Get-OpenAiFineTuningCheckpointPermission)
            $all.ProjectId | Should -Be @($projects[1].Id, $projects[0].Id)
            @($checkpoint | Get-OpenAiFineTuningCheckpointPermission -Ascending).ProjectId | Should -Be $projects.Id
            $since = Get-EmulatorSeq $emu
            $one = @(Get-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint $checkpoint.FineTunedModelCheckpoint -ProjectId $projects[0].Id)
            $one.ProjectId | Should -Be @($projects[0].Id)
            (Get-EmulatorLog $emu -Since $since)[0].query_params.project_id | Should -Be $projects[0].Id
            $one | Remove-OpenAiFineTuningCheckpointPermission -WhatIf
            @($checkpoint | Get-OpenAiFineTuningCheckpointPermission).Count | Should -Be 2
            $removed = $one | Remove-OpenAiFineTuningCheckpointPermission -Confirm:$false -PassThru
            $removed.ProjectId | Should -Be $projects[0].Id
            @($checkpoint | Get-OpenAiFineTuningCheckpointPermission).ProjectId | Should -Be @($projects[1].Id)
        }

        It 'Granting a project twice is refused (OpenAiInvalidRequest); an unknown checkpoint or permission writes OpenAiNotFound' {
            $checkpoint | New-OpenAiFineTuningCheckpointPermission -ProjectId $projects[1].Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            Get-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint 'ft:gpt-4o-mini:org:nope:00000000' -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            Remove-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint $checkpoint.FineTunedModelCheckpoint -PermissionId cp_nope -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable gone
            $gone[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }
    }
}
