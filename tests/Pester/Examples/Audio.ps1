# Help-example world: audio. ./recordings holds two WAV recordings made by the emulator's speech (standup.wav says who
# does what by when, for the voice-to-action example).
@{
    Order = 60
    Setup = {
        param($World)
        $recordings = Join-Path $World.Dir 'recordings'
        $null = New-Item -ItemType Directory -Path $recordings -Force
        $null = New-OpenAiSpeech -Text 'owner=Alice task=budget due=Friday' -Format wav -Destination (Join-Path $recordings 'standup.wav') -Force -Confirm:$false
        $null = New-OpenAiSpeech -Text 'owner=Bob task=slides due=Monday' -Format wav -Destination (Join-Path $recordings 'review.wav') -Force -Confirm:$false
    }
}
