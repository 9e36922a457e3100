using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Images
{
    /// <summary>Edits or combines images following a prompt, and saves the results as files (POST /images/edits).</summary>
    /// <remarks>
    /// <para>All the images given by -Path or piped in (files from Get-ChildItem, or OpenAiImage objects) go in one request
    /// with -Prompt: up to 16 PNG, JPEG or WebP images of at most 50 MB each for the GPT image models, one square PNG under
    /// 4 MB for dall-e-2. -Mask is a PNG under 4 MB, the size of the first image, whose transparent areas mark what to
    /// change. The files are sent as multipart/form-data streamed from disk. The results are decoded straight into files
    /// (-Destination, as for New-OpenAiImage) and an OpenAiImage describes each; -Stream saves partial images as they
    /// arrive.</para>
    /// <para>Refused before any request: a missing image (OpenAiFileNotFound), a file that is not PNG, JPEG or WebP by its
    /// bytes (OpenAiUnsupportedFormat, also a mask that is not PNG), a file too large (OpenAiFileTooLarge), more than 16
    /// images or a mask of another size (OpenAiInvalidArgument), an existing result file without -Force
    /// (OpenAiDestinationExists). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Edit-OpenAiImage -Path ./photos/room.png -Mask ./photos/room-mask.png -Prompt 'Add a sunlit window' -Destination ./edited</code>
    /// <para>Repaints the transparent area of the mask and saves the result in ./edited.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./photos/product-*.png | Edit-OpenAiImage -Prompt 'A gift basket with these items' -InputFidelity high -Destination ./basket.png -Force</code>
    /// <para>Combines several product photos into one new image.</para>
    /// </example>
    [Cmdlet(VerbsData.Edit, "OpenAiImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiImage))]
    [OpenAiOperation("create_a_openai_image_edit", "POST", "/images/edits")]
    public sealed class EditOpenAiImageCommand : GptImageCmdletBase
    {
        private readonly List<string> _paths = new List<string>();

        /// <summary>The images to edit (several piped images go in one request).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>What to change or make.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>A PNG whose fully transparent areas mark where the first image is edited.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Mask { get; set; }

        /// <summary>How closely to keep the input images' details (faces, logos): high or low.</summary>
        [Parameter]
        [ValidateSet("high", "low")]
        public string? InputFidelity { get; set; }

        protected override void ProcessRecord() => _paths.AddRange(Path);

        protected override void EndProcessing()
        {
            Try(Prompt, () =>
            {
                var dalle = IsDalle;
                if (_paths.Count > (dalle ? 1 : 16))
                    throw new OpenAiValidationException("Path", $"{_paths.Count} images given; {Model} takes at most {(dalle ? 1 : 16)} per edit.", "OpenAiInvalidArgument");
                CheckGptOnly(InputFidelity != null ? new[] { "-InputFidelity" } : Array.Empty<string>());
                var form = new MultipartBody();
                (string Path, string Format, int? Width, int? Height)? first = null;
                foreach (var path in _paths)
                {
                    var image = CheckImage(path, "Path", dalle ? 4L * 1024 * 1024 - 1 : 50L * 1024 * 1024, pngOnly: dalle, square: dalle);
                    first ??= image;
                    form.File(_paths.Count > 1 ? "image[]" : "image", image.Path, MediaFormats.ImageMediaType(image.Format));
                }
                if (Mask != null)
                {
                    var mask = CheckImage(Mask, "Mask", 4L * 1024 * 1024 - 1, pngOnly: true, square: false);
                    if (first is { } f && f.Width != null && (mask.Width != f.Width || mask.Height != f.Height))
                        throw new OpenAiValidationException("Mask", $"-Mask is {mask.Width}x{mask.Height}, the image {f.Width}x{f.Height}: they must be the same size.", "OpenAiInvalidArgument");
                    form.File("mask", mask.Path, "image/png");
                }
                var targets = PlanTargets(MediaDestination.Slug(Prompt, "edit"));
                if (!ShouldProcess(string.Join(", ", targets), $"Edit {_paths.Count} image(s) with {Model}")) return;
                form.Field("prompt", Prompt).Field("model", Model).Field("n", Count > 1 ? Count.ToString(CultureInfo.InvariantCulture) : null)
                    .Field("size", Size).Field("quality", Quality).Field("background", Background).Field("output_format", OutputFormat)
                    .Field("input_fidelity", InputFidelity).Field("response_format", dalle ? "b64_json" : null);
                Send(stream => ImageService.EditRequest(stream ? form.Field("stream", "true").Field("partial_images", PartialImages > 0 ? PartialImages.ToString(CultureInfo.InvariantCulture) : null) : form),
                    targets, Prompt);
            });
        }
    }
}
