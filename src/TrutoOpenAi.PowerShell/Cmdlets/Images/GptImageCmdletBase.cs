using System;
using System.Collections.Generic;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Images
{
    /// <summary>
    /// What New-OpenAiImage and Edit-OpenAiImage share beyond saving images: the model and the look of the result (size,
    /// quality, background, file type), streaming with partial images, the checks of what only the GPT image models take
    /// (before any request), and sending the request plain or streamed.
    /// </summary>
    public abstract class GptImageCmdletBase : ImageCmdletBase
    {
        /// <summary>The model: gpt-image-1.5 (default), gpt-image-1, gpt-image-1-mini, gpt-image-2; dall-e-3 (generation), chatgpt-image-latest (edits), dall-e-2.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Model { get; set; } = "gpt-image-1.5";

        /// <summary>The size: 1024x1024, 1536x1024, 1024x1536 or auto (GPT models); 256x256, 512x512 (dall-e-2); 1792x1024, 1024x1792 (dall-e-3).</summary>
        [Parameter]
        [ValidatePattern("^(auto|\\d+x\\d+)$")]
        public string? Size { get; set; }

        /// <summary>The quality: low, medium, high or auto (GPT models); standard or hd (dall-e-3).</summary>
        [Parameter]
        [ValidateSet("low", "medium", "high", "auto", "standard", "hd")]
        public string? Quality { get; set; }

        /// <summary>The background: transparent, opaque or auto (GPT models).</summary>
        [Parameter]
        [ValidateSet("transparent", "opaque", "auto")]
        public string? Background { get; set; }

        /// <summary>The file type: png (default), jpeg or webp (GPT models).</summary>
        [Parameter]
        [ValidateSet("png", "jpeg", "webp")]
        public string? OutputFormat { get; set; }

        /// <summary>Streams the result (GPT models), saving partial images as they arrive.</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <summary>How many partial images to stream, 0 to 3 (with -Stream).</summary>
        [Parameter]
        [ValidateRange(0, 3)]
        public int PartialImages { get; set; }

        private protected override string PlannedFormat => OutputFormat ?? "png";

        /// <summary>True for dall-e-2 and dall-e-3.</summary>
        private protected bool IsDalle => Model.StartsWith("dall-e", StringComparison.Ordinal);

        /// <summary>Refuses, before any request, what only the GPT image models take when the model is a dall-e, and a transparent jpeg.</summary>
        private protected void CheckGptOnly(params string[] alsoGiven)
        {
            var given = new List<string>(alsoGiven);
            if (OutputFormat != null) given.Add("-OutputFormat");
            if (Background != null) given.Add("-Background");
            if (Stream) given.Add("-Stream");
            if (IsDalle && given.Count > 0)
                throw new OpenAiValidationException(given[0].TrimStart('-'), $"{string.Join(", ", given)} work with the GPT image models only, not with {Model}.", "OpenAiInvalidArgument");
            if (Background == "transparent" && OutputFormat == "jpeg")
                throw new OpenAiValidationException("Background", "A transparent background needs -OutputFormat png or webp.", "OpenAiInvalidArgument");
        }

        /// <summary>Sends the request made by <paramref name="request"/> (told whether to stream) and saves what comes back.</summary>
        private protected void Send(Func<bool, OpenAiRequest> request, IReadOnlyList<string> targets, string prompt)
        {
            var service = new ImageService(Client);
            if (Stream)
                SaveStream(Await(observer => service.StreamAsync(request(true), observer, CancellationToken)), targets, prompt, Model, PartialImages);
            else
                Save(Await(observer => service.SendAsync(request(false), observer, CancellationToken)), targets, prompt, Model);
        }
    }
}
