# Help-example world: uploads. ./big.jsonl, and a pending upload of it with its two parts added (upload_abc123, part_a,
# part_b), for the examples that complete or cancel one.
@{
    Order = 45
    Setup = {
        param($World)
        $path = Join-Path $World.Dir 'big.jsonl'
        Set-Content -LiteralPath $path -Value ((1..50 | ForEach-Object { '{"custom_id":"e' + $_ + '","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"line ' + $_ + '"}}' }) -join "`n")
        $size = (Get-Item -LiteralPath $path).Length
        $half = [long][Math]::Floor($size / 2)
        $upload = New-OpenAiUpload -Path $path -Purpose batch -Confirm:$false
        $World.UploadId = $upload.Id
        $World.PartA = ($upload | Add-OpenAiUploadPart -Path $path -Offset 0 -Length $half -Confirm:$false).Id
        $World.PartB = ($upload | Add-OpenAiUploadPart -Path $path -Offset $half -Length ($size - $half) -Confirm:$false).Id
    }
    Placeholders = [ordered]@{
        'upload_abc123\b' = { param($World) $World.UploadId }
        'part_a\b'        = { param($World) $World.PartA }
        'part_b\b'        = { param($World) $World.PartB }
    }
}
