using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Streaming;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Images
{
    /// <summary>
    /// What the image cmdlets share: planning the files (-Destination, -Count, refused when they exist without -Force,
    /// before any request), checking input images, and writing the answer's images to disk (base64 decoded in chunks
    /// through a temporary file per image), or with -Stream the partial images (name.partial1.png ...) and the final ones,
    /// with progress. Each saved image is written as an OpenAiImage.
    /// </summary>
    public abstract class ImageCmdletBase : OpenAiCmdlet
    {
        private readonly MediaDestination _destinations = new MediaDestination();

        /// <summary>How many images to make, 1 to 10 (default 1).</summary>
        [Parameter]
        [ValidateRange(1, 10)]
        public int Count { get; set; } = 1;

        /// <summary>A folder to write into (default: the current folder) or a file path (several images get -2, -3... before the extension).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = ".";

        /// <summary>Replaces existing files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The file type written for images whose format the answer does not say.</summary>
        private protected virtual string PlannedFormat => "png";

        /// <summary>The files for <see cref="Count"/> images named after <paramref name="stem"/>; refuses existing ones unless -Force.</summary>
        private protected IReadOnlyList<string> PlanTargets(string stem)
        {
            var destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
            var targets = new List<string>();
            for (var i = 0; i < Count; i++)
            {
                var target = _destinations.Next(destination, stem, MediaFormats.ImageExtension(PlannedFormat));
                FileDestination.CheckFree(target, Force);
                targets.Add(target);
            }
            return targets;
        }

        /// <summary>
        /// Checks an input image before any request: it exists, is PNG, JPEG or WebP by its bytes (not its name), and is at most
        /// <paramref name="maxBytes"/>; with <paramref name="pngOnly"/> it must be a PNG, with <paramref name="square"/> square.
        /// Returns the full path and the format and size read from the file.
        /// </summary>
        private protected (string Path, string Format, int? Width, int? Height) CheckImage(string path, string parameter, long maxBytes, bool pngOnly, bool square)
        {
            var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(local)) throw new OpenAiValidationException(parameter, $"The image '{local}' does not exist.", "OpenAiFileNotFound");
            var (format, width, height) = MediaFormats.SniffImage(local);
            var name = System.IO.Path.GetFileName(local);
            if (format is null || (pngOnly && format != "png"))
                throw new OpenAiValidationException(parameter, $"'{name}' is not a {(pngOnly ? "PNG" : "PNG, JPEG or WebP")} image (judged by its bytes).", "OpenAiUnsupportedFormat");
            var length = new FileInfo(local).Length;
            if (length > maxBytes)
                throw new OpenAiValidationException(parameter, $"'{name}' is {length / 1048576.0:0.#} MB; this takes images of at most {maxBytes / 1048576} MB.", "OpenAiFileTooLarge");
            if (square && width != height)
                throw new OpenAiValidationException(parameter, $"'{name}' is {width}x{height}; this takes square images.", "OpenAiInvalidArgument");
            return (local, format!, width, height);
        }

        /// <summary>Saves every image of <paramref name="answer"/> to its planned file and writes an OpenAiImage for each.</summary>
        private protected void Save(ImagesAnswer answer, IReadOnlyList<string> targets, string? prompt, string model)
        {
            for (var i = 0; i < answer.Count; i++)
            {
                if (!answer.HasBytes(i))
                {
                    WriteWarning($"Image {i} came as a URL, not bytes: {answer.Url(i)}");
                    continue;
                }
                var target = i < targets.Count ? targets[i] : _destinations.Next(targets[targets.Count - 1], "", "");
                var index = i;
                FileDestination.Write(target, stream => answer.WriteImage(index, stream));
                var image = Describe(target, i, prompt, model);
                image.RevisedPrompt = answer.RevisedPrompt(i);
                image.Size = answer.Size;
                image.Quality = answer.Quality;
                image.Background = answer.Background;
                image.CreatedAt = answer.CreatedAt;
                image.Usage = answer.Usage;
                WriteObject(image);
            }
        }

        /// <summary>
        /// Reads an image event stream: each partial image goes to name.partialN.ext (N from 1) beside its planned file, each
        /// completed image to the planned file; writes an OpenAiImage for every file and progress as images arrive.
        /// </summary>
        private protected void SaveStream(OpenAiEventStream stream, IReadOnlyList<string> targets, string? prompt, string model, int partialImages)
        {
            var completed = 0;
            var progress = new ProgressRecord(1, "Making images", $"0 of {targets.Count} images");
            try
            {
                while (Await(_ => stream.MoveNextAsync(CancellationToken)))
                {
                    var item = stream.Current!;
                    if (item.Type == "error")
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                    var partial = item.Type.EndsWith(".partial_image", StringComparison.Ordinal);
                    if (!partial && !item.Type.EndsWith(".completed", StringComparison.Ordinal)) continue;
                    var planned = targets[Math.Min(completed, targets.Count - 1)];
                    var partialIndex = item.Payload.TryGetProperty("partial_image_index", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Number ? p.GetInt32() : 0;
                    var target = partial
                        ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(planned) ?? string.Empty,
                            System.IO.Path.GetFileNameWithoutExtension(planned) + ".partial" + (partialIndex + 1) + System.IO.Path.GetExtension(planned))
                        : planned;
                    FileDestination.Write(target, s => ImageService.WriteEventImage(item, s));
                    var image = Describe(target, completed, prompt, model);
                    image.IsPartial = partial;
                    image.Size = ImageService.EventText(item, "size");
                    image.Quality = ImageService.EventText(item, "quality");
                    image.Background = ImageService.EventText(item, "background");
                    image.Usage = ImageService.ReadUsage(item.Payload);
                    if (item.Payload.TryGetProperty("created_at", out var created) && created.ValueKind == System.Text.Json.JsonValueKind.Number)
                        image.CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created.GetInt64());
                    WriteObject(image);
                    if (!partial) completed++;
                    var done = completed * (partialImages + 1) + (partial ? partialIndex + 1 : 0);
                    progress.PercentComplete = Math.Min(100, 100 * done / Math.Max(1, targets.Count * (partialImages + 1)));
                    progress.StatusDescription = $"{completed} of {targets.Count} images" + (partial ? $" (partial {partialIndex + 1} of {partialImages})" : string.Empty);
                    WriteProgress(progress);
                }
            }
            finally
            {
                stream.Dispose();
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private static OpenAiImage Describe(string path, int index, string? prompt, string model)
        {
            var (format, width, height) = MediaFormats.SniffImage(path);
            return new OpenAiImage
            {
                Path = path, Index = index, Bytes = new FileInfo(path).Length, Format = format, Width = width, Height = height,
                Prompt = prompt, Model = model,
            };
        }
    }
}
