using System;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Images
{
    /// <summary>Makes images from a text prompt and saves them as files (POST /images/generations).</summary>
    /// <remarks>
    /// <para>Each prompt given by -Prompt or piped in makes -Count images (1-10) with -Model (gpt-image-1.5 by default; also
    /// gpt-image-1, gpt-image-1-mini, gpt-image-2, dall-e-3, dall-e-2). The images are decoded from base64 straight into
    /// files (through a temporary file each, so nothing is left half-written) and an OpenAiImage describes each: Path,
    /// Bytes, Width, Height, Format, and what the API reported (Size, Quality, Background, RevisedPrompt, Usage).
    /// -Destination is a folder (the default is the current one), where files are named after the prompt, or a file path.
    /// dall-e models are asked for b64_json, so their images land as files too.</para>
    /// <para>-Stream (GPT image models) writes -PartialImages (0-3) partial images as name.partial1.png ... while the image
    /// is made, with progress, then the final image. Refused before any request: an existing file without -Force
    /// (OpenAiDestinationExists), -Count above 1 with dall-e-3, -OutputFormat, -Background or -Stream with dall-e models,
    /// and a transparent background in jpeg (OpenAiInvalidArgument). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiImage -Prompt 'A lighthouse at dawn, watercolor' -Size 1024x1024 -Quality low -Destination ./art</code>
    /// <para>Saves ./art/a-lighthouse-at-dawn-watercolor.png and describes it.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiImage -Prompt 'A friendly robot mascot' -Background transparent -Count 2 -Stream -PartialImages 2 -Destination ./art/robot.png -Force</code>
    /// <para>Streams two transparent images, saving partial previews (robot.partial1.png, robot.partial2.png) as they arrive.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiImage))]
    [OpenAiOperation("create_a_openai_image_generation", "POST", "/images/generations")]
    public sealed class NewOpenAiImageCommand : GptImageCmdletBase
    {
        /// <summary>What to draw (up to 32000 characters for the GPT image models, 4000 for dall-e-3, 1000 for dall-e-2).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>vivid or natural (dall-e-3).</summary>
        [Parameter]
        [ValidateSet("vivid", "natural")]
        public string? Style { get; set; }

        protected override void ProcessRecord()
        {
            Try(Prompt, () =>
            {
                if (Model == "dall-e-3" && Count > 1)
                    throw new OpenAiValidationException("Count", "dall-e-3 makes one image per request; leave -Count at 1 (or pipe the prompt several times).", "OpenAiInvalidArgument");
                CheckGptOnly();
                var targets = PlanTargets(MediaDestination.Slug(Prompt, "image"));
                if (!ShouldProcess(string.Join(", ", targets), $"Create {Count} image(s) with {Model}")) return;
                var body = new JsonObject { ["prompt"] = Prompt, ["model"] = Model };
                if (Count > 1) body["n"] = Count;
                if (Size != null) body["size"] = Size;
                if (Quality != null) body["quality"] = Quality;
                if (Background != null) body["background"] = Background;
                if (OutputFormat != null) body["output_format"] = OutputFormat;
                if (Style != null) body["style"] = Style;
                if (IsDalle) body["response_format"] = "b64_json";
                Send(stream =>
                {
                    if (!stream) return ImageService.GenerateRequest(body);
                    body["stream"] = true;
                    if (PartialImages > 0) body["partial_images"] = PartialImages;
                    return ImageService.GenerateRequest(body);
                }, targets, Prompt);
            });
        }
    }
}
