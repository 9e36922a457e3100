# Help-example world: images. ./photos holds square PNGs made by the emulator: room.png and its mask room-mask.png (same
# size), product-1.png and product-2.png, logo.png.
@{
    Order = 61
    Setup = {
        param($World)
        $photos = Join-Path $World.Dir 'photos'
        $null = New-Item -ItemType Directory -Path $photos -Force
        foreach ($name in 'room', 'room-mask', 'product-1', 'product-2', 'logo') {
            $null = New-OpenAiImage -Prompt $name -Model dall-e-2 -Size 256x256 -Destination (Join-Path $photos "$name.png") -Force -Confirm:$false
        }
    }
}
