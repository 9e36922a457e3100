using System;

namespace TrutoOpenAi.Core.Models.Media
{
    /// <summary>
    /// An image the API generated (POST /images/generations, /images/edits, /images/variations), saved to disk: where it
    /// lies, how large it is, and what the API said about it.
    /// </summary>
    public sealed class OpenAiImage
    {
        /// <summary>The full path of the saved image file (bound by Edit-OpenAiImage's -Path when piped).</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The file name part of <see cref="Path"/>.</summary>
        public string Name => System.IO.Path.GetFileName(Path);

        /// <summary>The image's position in the answer (0-based).</summary>
        public int Index { get; set; }

        /// <summary>The number of bytes written.</summary>
        public long Bytes { get; set; }

        /// <summary>The image's width in pixels, read from the file (PNG, JPEG and WebP headers); null when unknown.</summary>
        public int? Width { get; set; }

        /// <summary>The image's height in pixels, read from the file; null when unknown.</summary>
        public int? Height { get; set; }

        /// <summary>png, jpeg or webp: the format of the bytes written (from their signature).</summary>
        public string? Format { get; set; }

        /// <summary>The prompt the image was made from.</summary>
        public string? Prompt { get; set; }

        /// <summary>dall-e-3's rewrite of the prompt, when it made one.</summary>
        public string? RevisedPrompt { get; set; }

        /// <summary>The model that was asked.</summary>
        public string? Model { get; set; }

        /// <summary>The size the API reported (e.g. 1024x1024).</summary>
        public string? Size { get; set; }

        /// <summary>The quality the API reported (low, medium, high).</summary>
        public string? Quality { get; set; }

        /// <summary>The background the API reported (transparent, opaque).</summary>
        public string? Background { get; set; }

        /// <summary>When the API made the image.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>True for a partial image of a stream (name.partial1.png ...); the final image has false.</summary>
        public bool IsPartial { get; set; }

        /// <summary>The tokens the call used (GPT image models), shared by every image of one answer.</summary>
        public OpenAiImageUsage? Usage { get; set; }

        public override string ToString() => Path;
    }

    /// <summary>The tokens of an image call (GPT image models).</summary>
    public sealed class OpenAiImageUsage
    {
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public int TotalTokens { get; set; }

        public override string ToString() => $"{TotalTokens} tokens";
    }
}
