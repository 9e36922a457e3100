# Images against the emulator (API key): generation, edits and variations saved as real PNG files.
Describe 'Images against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'images-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "images-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:New-Folder { $d = Join-Path $work ([guid]::NewGuid().ToString('n').Substring(0, 8)); (New-Item -ItemType Directory -Path $d).FullName }
        function script:Get-Sent([long] $Since) { @(Get-EmulatorLog $emu -Since $Since) }
        # The PNG facts of a file: signature, IHDR width/height/colour type, and every chunk's CRC checked.
        function script:Read-Png([string] $Path) {
            $b = [IO.File]::ReadAllBytes($Path)
            $signature = [BitConverter]::ToString($b, 0, 8)
            function BE([int] $at) { ([int]$b[$at] -shl 24) -bor ([int]$b[$at + 1] -shl 16) -bor ([int]$b[$at + 2] -shl 8) -bor $b[$at + 3] }
            $chunks = [System.Collections.Generic.List[string]]::new()
            $at = 8
            while ($at -lt $b.Length) {
                $length = BE $at
                $chunks.Add([Text.Encoding]::ASCII.GetString($b, $at + 4, 4))
                $at += 12 + $length
            }
            [pscustomobject]@{ Signature = $signature; Width = (BE 16); Height = (BE 20); ColorType = $b[25]; Chunks = $chunks.ToArray(); EndsAt = $at; Length = $b.Length }
        }
        $script:PngSignature = '89-50-4E-47-0D-0A-1A-0A'
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    It 'New-OpenAiImage saves real PNG files named after the prompt and describes them; the GPT model is asked without response_format' {
        $dir = New-Folder
        $since = Get-EmulatorSeq $emu
        $images = @(New-OpenAiImage -Prompt 'A lighthouse at dawn' -Quality low -Count 2 -Destination $dir -Confirm:$false)
        $images.Count | Should -Be 2
        $images[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiImage])
        $images.Name | Should -Be @('a-lighthouse-at-dawn.png', 'a-lighthouse-at-dawn-2.png')
        foreach ($image in $images) {
            $png = Read-Png $image.Path
            $png.Signature | Should -Be $PngSignature
            $png.Chunks[0] | Should -Be 'IHDR'
            $png.Chunks[-1] | Should -Be 'IEND'
            $png.Chunks | Should -Contain 'IDAT'
            $png.EndsAt | Should -Be $png.Length
            $png.Width | Should -Be 1024
            $png.Height | Should -Be 1024
            $image.Width | Should -Be 1024
            $image.Format | Should -Be 'png'
            $image.Bytes | Should -Be $png.Length
            $image.Quality | Should -Be 'low'
            $image.Size | Should -Be '1024x1024'
            $image.Model | Should -Be 'gpt-image-1.5'
            $image.Usage.OutputTokens | Should -Be 544
        }
        $images.Index | Should -Be @(0, 1)
        (Get-FileHash $images[0].Path).Hash | Should -Not -Be (Get-FileHash $images[1].Path).Hash
        $sent = Get-Sent $since
        $sent.Count | Should -Be 1
        $sent[0].path | Should -Be '/v1/images/generations'
        $sent[0].body.prompt | Should -Be 'A lighthouse at dawn'
        $sent[0].body.n | Should -Be 2
        $sent[0].body.PSObject.Properties.Name | Should -Not -Contain 'response_format'
    }

    It 'New-OpenAiImage asks dall-e for b64_json so its images land as files, at the size asked; a transparent background is an RGBA PNG' {
        $dir = New-Folder
        $since = Get-EmulatorSeq $emu
        $small = New-OpenAiImage -Prompt 'Small' -Model dall-e-2 -Size 256x256 -Destination (Join-Path $dir 'small.png') -Confirm:$false
        (Get-Sent $since)[0].body.response_format | Should -Be 'b64_json'
        (Read-Png $small.Path).Width | Should -Be 256
        $small.Name | Should -Be 'small.png'
        $clear = New-OpenAiImage -Prompt 'Clear' -Background transparent -Size 1024x1536 -Destination $dir -Confirm:$false
        $png = Read-Png $clear.Path
        $png.ColorType | Should -Be 6
        $png.Height | Should -Be 1536
        $clear.Background | Should -Be 'transparent'
    }

    It 'New-OpenAiImage -Stream saves the partial images beside the final one, in order, with progress' {
        $dir = New-Folder
        $since = Get-EmulatorSeq $emu
        $all = @(New-OpenAiImage -Prompt 'Robot' -Stream -PartialImages 2 -Destination (Join-Path $dir 'robot.png') -Confirm:$false)
        (Get-Sent $since)[0].body.stream | Should -BeTrue
        (Get-Sent $since)[0].body.partial_images | Should -Be 2
        $all.Name | Should -Be @('robot.partial1.png', 'robot.partial2.png', 'robot.png')
        $all.IsPartial | Should -Be @($true, $true, $false)
        foreach ($image in $all) { (Read-Png $image.Path).Signature | Should -Be $PngSignature }
        $all[-1].Usage.TotalTokens | Should -BeGreaterThan 0
        @(Get-ChildItem $dir).Count | Should -Be 3
    }

    It 'New-OpenAiImage refuses, before any request: an existing file without -Force, dall-e-3 with -Count 2, -Stream with dall-e, transparent jpeg' {
        $dir = New-Folder
        $taken = Join-Path $dir 'taken.png'
        Set-Content $taken 'keep'
        $since = Get-EmulatorSeq $emu
        New-OpenAiImage -Prompt 'x' -Destination $taken -ErrorVariable e1 -ErrorAction SilentlyContinue
        New-OpenAiImage -Prompt 'x' -Model dall-e-3 -Count 2 -Destination $dir -ErrorVariable e2 -ErrorAction SilentlyContinue
        New-OpenAiImage -Prompt 'x' -Model dall-e-2 -Stream -Destination $dir -ErrorVariable e3 -ErrorAction SilentlyContinue
        New-OpenAiImage -Prompt 'x' -Background transparent -OutputFormat jpeg -Destination $dir -ErrorVariable e4 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiDestinationExists,*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        (Get-Sent $since).Count | Should -Be 0
        (Get-Content $taken -Raw).Trim() | Should -Be 'keep'
        @(Get-ChildItem $dir).Name | Should -Be @('taken.png')
    }

    It 'Edit-OpenAiImage sends every piped image and the mask in one multipart request and saves the result' {
        $dir = New-Folder
        $inputs = @('one', 'two' | ForEach-Object { New-OpenAiImage -Prompt $_ -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false })
        $mask = New-OpenAiImage -Prompt 'mask' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $edited = @(Get-Item $inputs.Path | Edit-OpenAiImage -Prompt 'Combine them' -Mask $mask.Path -InputFidelity high -Destination (Join-Path $dir 'combined.png') -Confirm:$false)
        $sent = Get-Sent $since
        $sent.Count | Should -Be 1
        $sent[0].path | Should -Be '/v1/images/edits'
        $sent[0].body.files.name | Should -Be @('image[]', 'image[]', 'mask')
        $sent[0].body.files.filename | Should -Be @('one.png', 'two.png', 'mask.png')
        $sent[0].body.fields.prompt | Should -Be 'Combine them'
        $sent[0].body.fields.input_fidelity | Should -Be 'high'
        $edited.Count | Should -Be 1
        $edited[0].Name | Should -Be 'combined.png'
        (Read-Png $edited[0].Path).Signature | Should -Be $PngSignature
        $edited[0].Usage.InputTokens | Should -BeGreaterThan 0
    }

    It 'Edit-OpenAiImage refuses, before any request: a file that is not an image by its bytes, a missing file, a mask of another size, 17 images, a non-square image for dall-e-2' {
        $dir = New-Folder
        $fake = Join-Path $dir 'fake.png'; Set-Content $fake 'not an image'
        $square = New-OpenAiImage -Prompt 'square' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false
        $wide = New-OpenAiImage -Prompt 'wide' -Size 1536x1024 -Quality low -Destination $dir -Confirm:$false
        $since = Get-EmulatorSeq $emu
        Edit-OpenAiImage -Path $fake -Prompt 'x' -Destination $dir -ErrorVariable e1 -ErrorAction SilentlyContinue
        Edit-OpenAiImage -Path (Join-Path $dir 'missing.png') -Prompt 'x' -Destination $dir -ErrorVariable e2 -ErrorAction SilentlyContinue
        Edit-OpenAiImage -Path $square.Path -Mask $wide.Path -Prompt 'x' -Destination $dir -ErrorVariable e3 -ErrorAction SilentlyContinue
        Edit-OpenAiImage -Path (@($square.Path) * 17) -Prompt 'x' -Destination $dir -ErrorVariable e4 -ErrorAction SilentlyContinue
        Edit-OpenAiImage -Path $wide.Path -Model dall-e-2 -Prompt 'x' -Destination $dir -ErrorVariable e5 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUnsupportedFormat,*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiFileNotFound,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        (Get-Sent $since).Count | Should -Be 0
    }

    It 'New-OpenAiImageVariation saves -Count variations of a square PNG named after it; a JPEG is refused before any request' {
        $dir = New-Folder
        $logo = New-OpenAiImage -Prompt 'logo' -Model dall-e-2 -Size 512x512 -Destination $dir -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $variations = @($logo | New-OpenAiImageVariation -Count 2 -Size 256x256 -Destination $dir -Confirm:$false)
        $sent = Get-Sent $since
        $sent[0].path | Should -Be '/v1/images/variations'
        $sent[0].body.fields.n | Should -Be '2'
        $sent[0].body.fields.model | Should -Be 'dall-e-2'
        $sent[0].body.files[0].name | Should -Be 'image'
        $variations.Name | Should -Be @('logo-variation.png', 'logo-variation-2.png')
        foreach ($v in $variations) { (Read-Png $v.Path).Width | Should -Be 256 }
        $jpeg = Join-Path $dir 'photo.png'
        [IO.File]::WriteAllBytes($jpeg, [byte[]](0xFF, 0xD8, 0xFF, 0xE0) + [byte[]]::new(60))
        $since = Get-EmulatorSeq $emu
        New-OpenAiImageVariation -Path $jpeg -Destination $dir -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUnsupportedFormat,*'
        (Get-Sent $since).Count | Should -Be 0
    }

    It 'the emulator answers the spec''s errors for what the module does not check: a dall-e-2 size, response_format for a GPT model' {
        $headers = @{ Authorization = "Bearer $(ConvertFrom-SecureString $emu.ApiKey -AsPlainText)" }
        $badSize = Invoke-WebRequest -Uri "$($emu.BaseUri.ToString().TrimEnd('/'))/images/generations" -Method Post -ContentType 'application/json' -Headers $headers -SkipHttpErrorCheck `
            -Body (@{ prompt = 'x'; model = 'dall-e-2'; size = '1536x1024' } | ConvertTo-Json)
        $badSize.StatusCode | Should -Be 400
        ($badSize.Content | ConvertFrom-Json).error.param | Should -Be 'size'
        $gptUrl = Invoke-WebRequest -Uri "$($emu.BaseUri.ToString().TrimEnd('/'))/images/generations" -Method Post -ContentType 'application/json' -Headers $headers -SkipHttpErrorCheck `
            -Body (@{ prompt = 'x'; model = 'gpt-image-1'; response_format = 'url' } | ConvertTo-Json)
        $gptUrl.StatusCode | Should -Be 400
        ($gptUrl.Content | ConvertFrom-Json).error.param | Should -Be 'response_format'
    }
}
