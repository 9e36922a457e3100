using System.Globalization;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Images
{
    /// <summary>Makes variations of an image and saves them as files (POST /images/variations, dall-e-2).</summary>
    /// <remarks>
    /// <para>Each image given by -Path or piped in (a square PNG under 4 MB) is sent as multipart/form-data streamed from
    /// disk, and -Count variations (1-10) come back; they are decoded straight into files (-Destination: a folder, where
    /// they are named after the source image with -variation, or a file path) and an OpenAiImage describes each. Only
    /// dall-e-2 makes variations. Refused before any request: a missing file (OpenAiFileNotFound), a file that is not a PNG
    /// by its bytes (OpenAiUnsupportedFormat), over 4 MB (OpenAiFileTooLarge) or not square (OpenAiInvalidArgument), an
    /// existing result file without -Force (OpenAiDestinationExists). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiImageVariation -Path ./photos/logo.png -Count 3 -Size 512x512 -Destination ./variations</code>
    /// <para>Saves three 512x512 variations of a logo.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiImageVariation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiImage))]
    [OpenAiOperation("", "POST", "/images/variations")]
    public sealed class NewOpenAiImageVariationCommand : ImageCmdletBase
    {
        /// <summary>The image to vary: a square PNG under 4 MB.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The size: 256x256, 512x512 or 1024x1024 (default).</summary>
        [Parameter]
        [ValidateSet("256x256", "512x512", "1024x1024")]
        public string? Size { get; set; }

        protected override void ProcessRecord()
        {
            Try(Path, () =>
            {
                var image = CheckImage(Path, "Path", 4L * 1024 * 1024 - 1, pngOnly: true, square: true);
                var targets = PlanTargets(MediaDestination.Slug(System.IO.Path.GetFileNameWithoutExtension(image.Path), "image") + "-variation");
                if (!ShouldProcess(string.Join(", ", targets), $"Create {Count} variation(s) of '{image.Path}'")) return;
                var form = new MultipartBody().File("image", image.Path, "image/png").Field("model", "dall-e-2")
                    .Field("n", Count > 1 ? Count.ToString(CultureInfo.InvariantCulture) : null).Field("size", Size).Field("response_format", "b64_json");
                var service = new ImageService(Client);
                Save(Await(observer => service.SendAsync(ImageService.VariationRequest(form), observer, CancellationToken)), targets, null, "dall-e-2");
            });
        }
    }
}
