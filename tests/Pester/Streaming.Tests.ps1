# Stopping a streaming pipeline: PowerShell's Stop() (what Ctrl+C does) ends the cmdlet while the emulator holds the
# stream open, and the emulator sees the connection closed before the stream's end. No timing: the emulator holds the
# stream (the [hold] marker, or a stream_hold_after fault rule) until the client goes away, and GET /_emulator/streams
# waits on the emulator's own events (held, ended) instead of a sleep.
Describe 'Stopping a streaming pipeline closes the connection the emulator streams on' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'streaming-tests'
        $script:dir = Join-Path $TestDrive 'speech'
        $null = New-Item -ItemType Directory -Path $dir

        # Runs $Command in its own PowerShell, waits until the emulator holds its stream open, calls Stop(), and returns
        # the state of that PowerShell and the emulator's report of the stream once it has ended.
        function script:Stop-WhileHeld([string] $Command, [hashtable] $Parameters) {
            $since = Get-EmulatorSeq $emu
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddArgument($ModuleManifest).AddStatement()
                $null = $ps.AddCommand($Command)
                foreach ($k in $Parameters.Keys) { $null = $ps.AddParameter($k, $Parameters[$k]) }
                $null = $ps.AddParameter('Connection', (Get-OpenAiConnection -Name 'streaming-tests')).AddParameter('Confirm', $false)
                $async = $ps.BeginInvoke()
                $held = @(Invoke-EmulatorControl GET streams -Query @{ since = $since; wait_for = 'held'; wait_seconds = 25 } -Emulator $emu)
                $runningWhenHeld = -not $async.IsCompleted
                $ps.Stop()
                $ended = @(Invoke-EmulatorControl GET streams -Query @{ since = $since; wait_seconds = 25 } -Emulator $emu)
                $log = @(Get-EmulatorLog $emu -Since $since | Where-Object { $null -ne $_.stream })
                [pscustomobject]@{
                    Held = $held; RunningWhenHeld = $runningWhenHeld; State = $ps.InvocationStateInfo.State
                    Ended = $ended; Logged = $log; Errors = @($ps.Streams.Error)
                }
            }
            finally { $ps.Dispose() }
        }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }
    AfterEach { Clear-EmulatorFault $emu }

    It 'Stop() on <Name> ends the pipeline and the emulator reports the connection closed by the client' -ForEach @(
        @{ Name = 'Invoke-OpenAiResponse -Stream'; Command = 'Invoke-OpenAiResponse'; Path = '/v1/responses'
            Parameters = @{ Model = 'gpt-4o-mini'; Message = '[hold] a long answer, word after word'; Stream = $true } }
        @{ Name = 'Invoke-OpenAiChatCompletion -Stream'; Command = 'Invoke-OpenAiChatCompletion'; Path = '/v1/chat/completions'
            Parameters = @{ Model = 'gpt-4o-mini'; Message = '[hold] a long answer, word after word'; Stream = $true } }
        @{ Name = 'New-OpenAiSpeech -Stream (speech.audio.delta events)'; Command = 'New-OpenAiSpeech'; Path = '/v1/audio/speech'; HoldAfter = 1
            Parameters = @{ Model = 'gpt-4o-mini-tts'; Text = 'several words make several pieces of sound'; Stream = $true; Format = 'pcm' } }
        @{ Name = 'New-OpenAiSpeech (audio bytes a word at a time)'; Command = 'New-OpenAiSpeech'; Path = '/v1/audio/speech'
            Parameters = @{ Model = 'tts-1'; Text = '[hold] several words make several pieces of sound'; Format = 'pcm' } }
    ) {
        if ($HoldAfter) { $null = Set-EmulatorFault $emu @{ path_prefix = $Path; stream_hold_after = $HoldAfter } }
        $p = $Parameters.Clone()
        if ($Command -eq 'New-OpenAiSpeech') { $p.Destination = Join-Path $dir ([guid]::NewGuid().ToString('n') + '.pcm') }

        $r = Stop-WhileHeld $Command $p

        $r.Held.Count | Should -Be 1
        $r.Held[0].path | Should -Be $Path
        $r.Held[0].held | Should -BeTrue -Because 'the emulator held the stream open'
        $r.Held[0].state | Should -Be 'open' -Because 'the stream had not ended when the pipeline was stopped'
        $r.Held[0].ended_at_ms | Should -BeNullOrEmpty
        $r.RunningWhenHeld | Should -BeTrue -Because 'the cmdlet was still reading the held stream'
        $r.State | Should -Be 'Stopped'
        $r.Ended.Count | Should -Be 1
        $r.Ended[0].state | Should -Be 'closed_by_client'
        $r.Ended[0].events_sent | Should -Be $r.Held[0].events_sent -Because 'nothing more was sent after the hold: the stream closed before its end'
        $r.Ended[0].ended_at_ms | Should -BeGreaterThan $r.Ended[0].started_at_ms
        # The request log entry carries the same report.
        $r.Logged.Count | Should -Be 1
        $r.Logged[0].stream.seq | Should -Be $r.Ended[0].seq
        $r.Logged[0].stream.state | Should -Be 'closed_by_client'
    }

    It 'a stream read to its end is reported completed with every event sent' {
        $since = Get-EmulatorSeq $emu
        $events = @(Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'one two three' -StreamEvent -Confirm:$false 6>$null)
        $report = @(Invoke-EmulatorControl GET streams -Query @{ since = $since; wait_seconds = 25 } -Emulator $emu)
        $report.Count | Should -Be 1
        $report[0].state | Should -Be 'completed'
        $report[0].held | Should -BeFalse
        $report[0].events_sent | Should -Be $events.Count
    }

    It 'the streams control route refuses a bad wait' {
        foreach ($case in @(@{ Query = @{ wait_seconds = 'soon' }; Param = 'wait_seconds' }, @{ Query = @{ wait_seconds = 1; wait_for = 'never' }; Param = 'wait_for' })) {
            $err = $null
            try { Invoke-EmulatorControl GET streams -Query $case.Query -Emulator $emu } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.Exception.Response.StatusCode | Should -Be 'BadRequest'
            ($err.ErrorDetails.Message | ConvertFrom-Json).error.param | Should -Be $case.Param
        }
    }
}
