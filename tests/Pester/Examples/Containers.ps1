# Help-example world: containers. An 'analysis' container with one file, and its ids for the placeholders.
@{
    Order = 40
    Setup = {
        param($World)
        $container = New-OpenAiContainer -Name 'analysis' -Confirm:$false
        $World.ContainerId = $container.Id
        $null = New-Item -ItemType Directory -Path (Join-Path $World.Dir 'data') -Force
        $csv = Join-Path $World.Dir 'data/sales.csv'
        Set-Content -LiteralPath $csv -Value "region,amount`nnorth,10`nsouth,20"
        $World.ContainerFileId = (Add-OpenAiContainerFile -ContainerId $container.Id -Path $csv -Confirm:$false).Id
    }
    Placeholders = [ordered]@{
        'cntr_abc123\b'  = { param($World) $World.ContainerId }
        'cfile_abc123\b' = { param($World) $World.ContainerFileId }
    }
}
