# Responses, streaming, function tools, embeddings and moderation against the emulator's stand-in model.
Describe 'Responses against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'responses-tests'
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'Invoke-OpenAiResponse writes a typed response with the stand-in answer and usage' {
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Hello there' -Confirm:$false
        $r | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiResponse])
        $r.Id | Should -BeLike 'resp_*'
        $r.Status | Should -Be 'completed'
        $r.OutputText | Should -Be 'You said: Hello there'
        $r.Usage.TotalTokens | Should -Be ($r.Usage.InputTokens + $r.Usage.OutputTokens)
        $r.Usage.OutputTokens | Should -BeGreaterThan 0
    }

    It 'a streamed response equals the non-streamed one and its text reaches the host live' {
        $plain = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'stream me please' -Confirm:$false
        $streamed = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'stream me please' -Stream -Confirm:$false -InformationVariable live
        $streamed | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiResponse])
        $streamed.OutputText | Should -Be $plain.OutputText
        $streamed.Usage.TotalTokens | Should -Be $plain.Usage.TotalTokens
        (@($live | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object { $_.MessageData.Message }) -join '') | Should -Be $plain.OutputText
    }

    It '-StreamEvent writes typed events in sequence order ending with response.completed' {
        $events = @(Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'one two three' -StreamEvent -Confirm:$false)
        $events[0].Type | Should -Be 'response.created'
        $events[-1].Type | Should -Be 'response.completed'
        ($events.SequenceNumber) | Should -Be (0..($events.Count - 1))
        (@($events | Where-Object Type -eq 'response.output_text.delta').Delta -join '') | Should -Be 'You said: one two three'
    }

    It 'piping a response continues it on the server with previous_response_id' {
        $first = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'first' -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $second = $first | Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'second' -Confirm:$false
        $second.PreviousResponseId | Should -Be $first.Id
        $log = @(Get-EmulatorLog $emu -Since $since)
        $log[0].body.previous_response_id | Should -Be $first.Id
    }

    It 'a PowerShell function tool is called and its answer reaches the model, also while streaming' {
        function global:Get-TestWeather { param([Parameter(Mandatory)][string] $City, [int] $Days = 1) "Sunny in $City for $Days day(s)" }
        try {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-TestWeather City=Paris Days=2' -Function Get-TestWeather -InvokeFunction Auto -Confirm:$false
            $r.OutputText | Should -Be 'Get-TestWeather returned: Sunny in Paris for 2 day(s)'
            $s = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-TestWeather City=Rome' -Function Get-TestWeather -InvokeFunction Auto -Stream -Confirm:$false
            $s.OutputText | Should -BeLike 'Get-TestWeather returned: Sunny in Rome for * day(s)'
        } finally { Remove-Item function:Get-TestWeather }
    }

    It 'without -InvokeFunction the response carries the function calls and nothing runs' {
        function global:Get-TestNever { param([string] $X) throw 'must not run' }
        try {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-TestNever X=1' -Function Get-TestNever -Confirm:$false
            $r.FunctionCalls.Name | Should -Be 'Get-TestNever'
            ($r.FunctionCalls[0].Arguments | ConvertFrom-Json).X | Should -Be '1'
        } finally { Remove-Item function:Get-TestNever }
    }

    It 'a function that throws sends its error to the model as output and warns' {
        function global:Get-TestBroken { param([string] $X) throw 'disk on fire' }
        try {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-TestBroken X=1' -Function Get-TestBroken -InvokeFunction Auto -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
            $r.OutputText | Should -Be 'Get-TestBroken returned: Error: disk on fire'
            $warned | Should -Not -BeNullOrEmpty
        } finally { Remove-Item function:Get-TestBroken }
    }

    It 'a function loop that does not end stops at -MaxToolRound with an error' {
        function global:Get-TestLoop { 'again' }
        try {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message '[always-call] Get-TestLoop' -Function Get-TestLoop -InvokeFunction Auto -MaxToolRound 3 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
            $r | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiToolLoopLimit*'
        } finally { Remove-Item function:Get-TestLoop }
    }

    It 'structured output follows the JSON schema' {
        $schema = @{ type = 'object'; properties = @{ name = @{ type = 'string' }; age = @{ type = 'integer'; minimum = 1; maximum = 9 } }; required = @('name', 'age') }
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Describe name=Ada' -JsonSchema $schema -Confirm:$false
        $value = $r.OutputText | ConvertFrom-Json
        $value.name | Should -Be 'Ada'
        $value.age | Should -BeGreaterOrEqual 1
        $value.age | Should -BeLessOrEqual 9
    }

    It 'an incomplete response is an ErrorRecord carrying the partial response' {
        Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h' -MaxOutputTokens 16 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiResponseIncomplete*'
        $err[0].TargetObject.Status | Should -Be 'incomplete'
        $err[0].TargetObject.OutputText | Should -BeLike 'You said:*'
    }

    It 'a failed streamed response is an ErrorRecord too' {
        Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'please [fail]' -Stream -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiResponseFailed*'
        $err[0].TargetObject.Status | Should -Be 'failed'
    }

    It 'a dropped background stream resumes without a repeated or missing event' {
        $since = Get-EmulatorSeq $emu
        $events = @(Invoke-OpenAiResponse -Model gpt-4o-mini -Message '[drop-stream:5] resume this long answer please' -Background -StreamEvent -Confirm:$false)
        ($events.SequenceNumber) | Should -Be (0..($events.Count - 1))
        $events[-1].Type | Should -Be 'response.completed'
        $resume = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'GET')
        $resume.Count | Should -Be 1
        $resume[0].query | Should -Be 'stream=true&starting_after=4'
    }

    It 'Get, Stop and Remove work by id and from the pipeline' {
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'keep me' -Confirm:$false
        (Get-OpenAiResponse -Id $r.Id).OutputText | Should -Be 'You said: keep me'
        $bg = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'background' -Background -Confirm:$false
        $bg.Status | Should -Be 'queued'
        ($bg | Stop-OpenAiResponse -Confirm:$false -PassThru).Status | Should -Be 'cancelled'
        $r | Remove-OpenAiResponse -Confirm:$false
        Get-OpenAiResponse -Id $r.Id -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
    }

    It 'bad input is refused before any request' {
        $since = Get-EmulatorSeq $emu
        Invoke-OpenAiResponse -Message 'x' -Confirm:$false -ErrorVariable e1 -ErrorAction SilentlyContinue
        Invoke-OpenAiResponse -Model m -Message 'x' -Tool @{ type = 'teleport' } -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        Invoke-OpenAiResponse -Model m -Message 'x' -JsonSchema '{"type":"banana"}' -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
        Invoke-OpenAiResponse -Model m -Message 'x' -JsonSchema '{not json' -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
        Invoke-OpenAiResponse -Model m -Message 'x' -Image (Join-Path $TestDrive 'missing.png') -Confirm:$false -ErrorVariable e5 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingModel*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTool*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidJsonSchema*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidJsonSchema*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiImageNotFound*'
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    It 'New-OpenAiEmbedding gathers piped text into one request and writes one vector per input in order' {
        $since = Get-EmulatorSeq $emu
        $texts = 1..50 | ForEach-Object { "text number $_" }
        $vectors = @($texts | New-OpenAiEmbedding -Dimensions 8 -Confirm:$false)
        $vectors.Count | Should -Be 50
        $vectors.Text | Should -Be $texts
        $vectors.Index | Should -Be (0..49)
        $vectors[0].Vector.Count | Should -Be 8
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
        ($vectors[3].Vector -join ',') | Should -Be ((('text number 4' | New-OpenAiEmbedding -Dimensions 8 -Confirm:$false).Vector) -join ',')
    }

    It 'Test-OpenAiModeration flags by category and -Quiet answers with a boolean' {
        $results = @('I like tea', 'I will attack the castle' | Test-OpenAiModeration)
        $results[0].Flagged | Should -BeFalse
        $results[1].Flagged | Should -BeTrue
        $results[1].Categories | Should -Contain 'violence'
        'I like tea' | Test-OpenAiModeration -Quiet | Should -BeFalse
    }
}
