# Help-example world: files, batches, fine-tuning, vector stores. The emulator clock is frozen by the harness and
# moved here, so lifecycles are where the examples expect them (a completed batch with its output, a succeeded job
# with checkpoints, a running job, an in-progress batch).
@{
    Order = 30
    Setup = {
        param($World)
        $dir = $World.Dir
        $line = { param($i, $url) '{"custom_id":"r' + $i + '","method":"POST","url":"' + $url + '","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}' }
        Set-Content -LiteralPath (Join-Path $dir 'requests.jsonl') -Value ((1..3 | ForEach-Object { & $line $_ '/v1/chat/completions' }) -join "`n")
        Set-Content -LiteralPath (Join-Path $dir 'embeddings.jsonl') -Value '{"custom_id":"e1","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"hi"}}'
        $train = (1..10 | ForEach-Object { '{"messages":[{"role":"user","content":"q' + $_ + '"},{"role":"assistant","content":"a' + $_ + '"}]}' }) -join "`n"
        Set-Content -LiteralPath (Join-Path $dir 'train.jsonl') -Value $train
        $null = New-Item -ItemType Directory -Path (Join-Path $dir 'docs') -Force
        Set-Content -LiteralPath (Join-Path $dir 'docs/refunds.pdf') -Value 'Our refund policy: refunds within 30 days.'
        Set-Content -LiteralPath (Join-Path $dir 'docs/shipping.pdf') -Value 'Shipping takes 3 days.'

        $batchFile = New-OpenAiFile -Path (Join-Path $dir 'requests.jsonl') -Purpose batch
        $World.EmbeddingFile = (New-OpenAiFile -Path (Join-Path $dir 'embeddings.jsonl') -Purpose batch).Id
        $tune = New-OpenAiFile -Path (Join-Path $dir 'train.jsonl') -Purpose fine-tune
        $docs = @(Get-ChildItem (Join-Path $dir 'docs') | New-OpenAiFile -Purpose assistants)
        $World.BatchFile = $batchFile.Id; $World.TuneFile = $tune.Id; $World.DocFiles = @($docs.Id)
        $World.DoneBatchId = (New-OpenAiBatch -InputFileId $batchFile.Id -Endpoint /v1/chat/completions -Metadata @{ job = 'nightly' } -Confirm:$false).Id
        $job = New-OpenAiFineTuningJob -Model gpt-4o-mini-2024-07-18 -TrainingFile $tune.Id -Suffix support -Metadata @{ team = 'support' } -Confirm:$false
        $World.JobId = $job.Id
        $vs = New-OpenAiVectorStore -Name 'support docs' -FileId $docs[0].Id -Confirm:$false
        $World.VectorStoreId = $vs.Id
        $null = New-OpenAiVectorStore -Name 'docs-2024' -Confirm:$false
        $World.PolicyStoreId = (New-OpenAiVectorStore -Name 'policies' -Confirm:$false).Id
        $World.DoneFileBatchId = (New-OpenAiVectorStoreFileBatch -VectorStoreId $World.PolicyStoreId -FileId $docs[1].Id -Confirm:$false).Id
        $World.Advance.Invoke(30)   # batch completed (its output file), job succeeded (checkpoints), store files and file batch indexed
        $null = Get-OpenAiBatch
        $null = New-OpenAiBatch -InputFileId $batchFile.Id -Endpoint /v1/chat/completions -Metadata @{ job = 'nightly' } -Confirm:$false
        $World.BatchId = (New-OpenAiBatch -InputFileId $World.EmbeddingFile -Endpoint /v1/embeddings -Confirm:$false).Id
        $World.RunningJobId = (New-OpenAiFineTuningJob -Model gpt-4o-mini-2024-07-18 -TrainingFile $tune.Id -Confirm:$false).Id
        $World.PausedJobId = (New-OpenAiFineTuningJob -Model gpt-4o-mini-2024-07-18 -TrainingFile $tune.Id -Confirm:$false).Id
        $World.Advance.Invoke(5)    # the new batches in progress, the new jobs running
        $null = Suspend-OpenAiFineTuningJob -Id $World.PausedJobId -Confirm:$false
        $null = New-OpenAiFineTuningJob -Model gpt-4o-mini-2024-07-18 -TrainingFile $tune.Id -Confirm:$false   # still validating
        # Still processing (the clock stays frozen): a file batch, and so files in progress.
        $World.FileBatchId = (New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -FileId $docs[1].Id -Confirm:$false).Id
        $World.Checkpoint = (Get-OpenAiFineTuningCheckpoint -FineTuningJobId $job.Id | Select-Object -First 1).FineTunedModelCheckpoint
        $p3 = Get-OpenAiProject -Name 'tenant-00003'
        $World.PermissionId = @(New-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint $World.Checkpoint -ProjectId $World.Project1.Id, $p3.Id -Confirm:$false)[0].Id
    }
    Before = [ordered]@{
        'New-OpenAiFineTuningCheckpointPermission' = { param($World)
            Get-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint $World.Checkpoint |
                Where-Object ProjectId -in $World.Project1.Id, $World.Project2.Id | Remove-OpenAiFineTuningCheckpointPermission -Confirm:$false }
    }
    Placeholders = [ordered]@{
        # file-abc123 stands for the kind of file the example needs.
        'file-abc123\b'  = { param($World, $Code)
            if ($Code -match 'FineTuning') { $World.TuneFile }
            elseif ($Code -match 'Batch\b|New-OpenAiBatch') { $World.EmbeddingFile }
            elseif ($Code -match 'VectorStore|Save-OpenAiFileContent') { if ($Code -match 'Save-') { $World.BatchFile } else { $World.DocFiles[0] } }
            else { $World.BatchFile } }
        'file-a\b'       = { param($World) $World.DocFiles[0] }
        'file-b\b'       = { param($World) $World.DocFiles[1] }
        'batch_abc123\b' = { param($World) $World.BatchId }
        'batch_def456\b' = { param($World) $World.DoneBatchId }   # a completed batch
        'vs_def456\b'    = { param($World) $World.PolicyStoreId }
        'vsfb_def456\b'  = { param($World) $World.DoneFileBatchId }   # a processed file batch
        # ftjob-abc123 is the succeeded job, except where the example needs a job it can pause, resume or cancel.
        'ftjob-abc123\b' = { param($World, $Code)
            if ($Code -match 'Resume-') { $World.PausedJobId } elseif ($Code -match 'Suspend-|Stop-') { $World.RunningJobId } else { $World.JobId } }
        'vs_abc123\b'    = { param($World) $World.VectorStoreId }
        'vsfb_abc123\b'  = { param($World) $World.FileBatchId }
        'cp_abc123\b'    = { param($World) $World.PermissionId }
        "ft:gpt-4o-mini:org:support:ab12cd34" = { param($World) $World.Checkpoint }
    }
}
