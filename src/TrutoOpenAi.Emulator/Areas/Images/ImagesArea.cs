using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Responses;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Images;

/// <summary>
/// Images (API key): POST /images/generations (JSON), POST /images/edits (multipart: image or image[] up to 16 files,
/// optional mask, read section by section with each file hashed as it streams) and POST /images/variations (multipart,
/// dall-e-2). Answers the spec's ImagesResponse with real PNG bytes from <see cref="PngPainter"/> (b64_json, or for dall-e
/// with response_format url a data: URL), or with stream=true (GPT image models) partial_image events then a completed
/// event per image. Model rules as the spec words them: sizes per model, n 1-10 (dall-e-3: 1), response_format only for
/// dall-e, output_format/background/stream only for the GPT image models, input images png/jpeg/webp (dall-e-2: one
/// square png under 4 MB), mask a png under 4 MB.
/// </summary>
public sealed class ImagesArea : IEmulatorArea
{
    private static readonly string[] GptModels = ["gpt-image-1.5", "gpt-image-2", "gpt-image-2-2026-04-21", "gpt-image-1", "gpt-image-1-mini", "chatgpt-image-latest"];
    private static readonly string[] GptSizes = ["1024x1024", "1536x1024", "1024x1536", "auto"];
    private static readonly string[] OutputFormats = ["png", "jpeg", "webp"];
    private static readonly string[] Backgrounds = ["transparent", "opaque", "auto"];
    private const long MaxGptImageBytes = 50L * 1024 * 1024;
    private const long MaxDalleImageBytes = 4L * 1024 * 1024;

    /// <summary>The parameters of one image request, read from JSON or from multipart fields.</summary>
    private sealed record ImageRequest(string Kind, string Prompt, string Model, int N, string Size, string? Quality, string? ResponseFormat,
        string OutputFormat, string Background, bool Stream, int PartialImages, string? Style, string Seed);

    private sealed record InputImage(string Field, string? Format, int? Width, int? Height, long Length, string Sha256);

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        v1.MapPost("/images/generations", async (HttpContext context) =>
        {
            var body = await JsonBody.ReadAsync(context.Request);
            string? Get(string name) => body.Root.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw ApiErrors.InvalidType(name, "a string or number", v.ValueKind).Throw(),
            } : null;
            var gptOnly = new[] { "output_format", "output_compression", "background", "moderation", "partial_images", "stream" }.Any(body.Has);
            var image = Read("generation", Get, gptOnly ? "gpt-image-1.5" : "dall-e-2", body.Root.GetRawText());
            await AnswerAsync(context, state, image);
        });

        v1.MapPost("/images/edits", async (HttpContext context) =>
        {
            var (fields, images) = await ReadFormAsync(context, ["image", "image[]", "mask"]);
            string? Get(string name) => fields.First(name);
            var inputs = images.Where(i => i.Field != "mask").ToList();
            if (inputs.Count == 0) throw ApiErrors.MissingParameter("image").Throw();
            var image = Read("edit", Get, "gpt-image-1.5", string.Join(",", images.Select(i => i.Sha256)));
            var dalle = image.Model == "dall-e-2";
            if (dalle && inputs.Count > 1) throw ApiErrors.BadRequest("dall-e-2 takes one image.", "image", "invalid_value").Throw();
            if (inputs.Count > 16) throw ApiErrors.BadRequest($"Invalid 'image': array too long. Expected an array with maximum length 16, but got an array with length {inputs.Count} instead.", "image", "array_above_max_length").Throw();
            foreach (var input in inputs) CheckInput(input, dalle);
            if (images.FirstOrDefault(i => i.Field == "mask") is { } mask)
            {
                if (mask.Format != "png") throw ApiErrors.BadRequest("Invalid 'mask': the mask must be a PNG file.", "mask", "invalid_image_format").Throw();
                if (mask.Length > MaxDalleImageBytes) throw ApiErrors.BadRequest("Invalid 'mask': the mask must be less than 4 MB.", "mask", "image_too_large").Throw();
                var first = inputs[0];
                if (first.Width is not null && (mask.Width != first.Width || mask.Height != first.Height))
                    throw ApiErrors.BadRequest($"Invalid 'mask': its size ({mask.Width}x{mask.Height}) differs from the image's ({first.Width}x{first.Height}).", "mask", "invalid_image_size").Throw();
            }
            await AnswerAsync(context, state, image);
        }).DisableAntiforgery();

        v1.MapPost("/images/variations", async (HttpContext context) =>
        {
            var (fields, images) = await ReadFormAsync(context, ["image"]);
            string? Get(string name) => fields.First(name);
            if (images.Count == 0) throw ApiErrors.MissingParameter("image").Throw();
            if (Get("prompt") is not null) throw ApiErrors.BadRequest("Unrecognized request argument supplied: prompt", "prompt", "unknown_parameter").Throw();
            var model = Get("model") ?? "dall-e-2";
            if (model != "dall-e-2") throw ApiErrors.BadRequest($"Invalid value: '{model}'. Supported values are: 'dall-e-2'.", "model", "invalid_value").Throw();
            CheckInput(images[0], dalle: true);
            var image = Read("variation", name => name == "prompt" ? "variation" : Get(name), "dall-e-2", images[0].Sha256);
            await AnswerAsync(context, state, image with { Prompt = "" });
        }).DisableAntiforgery();
    }

    private static ImageRequest Read(string kind, Func<string, string?> get, string defaultModel, string seed)
    {
        var prompt = get("prompt") ?? throw ApiErrors.MissingParameter("prompt").Throw();
        var model = get("model") ?? defaultModel;
        var dalle = model.StartsWith("dall-e", StringComparison.Ordinal);
        var known = kind == "generation" ? GptModels.Where(m => m != "chatgpt-image-latest").Concat(["dall-e-2", "dall-e-3"]).ToArray() : GptModels.Append("dall-e-2").ToArray();
        if (!known.Contains(model)) throw ApiErrors.BadRequest($"Invalid value: '{model}'. Supported values are: {Quote(known)}.", "model", "invalid_value").Throw();
        var limit = model == "dall-e-2" ? 1000 : model == "dall-e-3" ? 4000 : 32000;
        if (prompt.Length > limit)
            throw ApiErrors.BadRequest($"Invalid 'prompt': string too long. Expected a string with maximum length {limit}, but got a string with length {prompt.Length} instead.", "prompt", "string_above_max_length").Throw();
        var n = 1;
        if (get("n") is { } rawN)
        {
            if (!int.TryParse(rawN, out n)) throw ApiErrors.BadRequest($"Invalid 'n': expected an integer, but got '{rawN}' instead.", "n", "invalid_type").Throw();
            if (n is < 1 or > 10) throw ApiErrors.BadRequest($"Invalid 'n': expected a value between 1 and 10, but got {n} instead.", "n", n < 1 ? "integer_below_min_value" : "integer_above_max_value").Throw();
            if (model == "dall-e-3" && n != 1) throw ApiErrors.BadRequest("Invalid 'n': dall-e-3 supports only n=1.", "n", "invalid_value").Throw();
        }
        string[] sizes = model switch
        {
            "dall-e-2" => ["256x256", "512x512", "1024x1024"],
            "dall-e-3" => ["1024x1024", "1792x1024", "1024x1792"],
            _ => GptSizes,
        };
        var size = get("size") ?? (dalle ? "1024x1024" : "auto");
        if (!sizes.Contains(size) && !(model.StartsWith("gpt-image-2", StringComparison.Ordinal) && FreeSize(size)))
            throw ApiErrors.BadRequest($"Invalid value: '{size}'. Supported values are: {Quote(sizes)}.", "size", "invalid_value").Throw();
        string[] qualities = model switch { "dall-e-2" => ["standard", "auto"], "dall-e-3" => ["standard", "hd", "auto"], _ => ["low", "medium", "high", "auto"] };
        var quality = get("quality");
        if (quality is not null && !qualities.Contains(quality))
            throw ApiErrors.BadRequest($"Invalid value: '{quality}'. Supported values are: {Quote(qualities)}.", "quality", "invalid_value").Throw();
        var responseFormat = get("response_format");
        if (responseFormat is not null)
        {
            if (!dalle) throw ApiErrors.BadRequest($"Unknown parameter: 'response_format' (not supported for {model}: the GPT image models always return b64_json).", "response_format", "unknown_parameter").Throw();
            if (responseFormat is not ("url" or "b64_json")) throw ApiErrors.BadRequest($"Invalid value: '{responseFormat}'. Supported values are: 'url', 'b64_json'.", "response_format", "invalid_value").Throw();
        }
        foreach (var gptOnly in new[] { "output_format", "background", "output_compression", "partial_images", "input_fidelity", "moderation" })
            if (dalle && get(gptOnly) is not null)
                throw ApiErrors.BadRequest($"Unknown parameter: '{gptOnly}' (supported only by the GPT image models).", gptOnly, "unknown_parameter").Throw();
        var outputFormat = get("output_format") ?? "png";
        if (!OutputFormats.Contains(outputFormat)) throw ApiErrors.BadRequest($"Invalid value: '{outputFormat}'. Supported values are: {Quote(OutputFormats)}.", "output_format", "invalid_value").Throw();
        var background = get("background") ?? "auto";
        if (!Backgrounds.Contains(background)) throw ApiErrors.BadRequest($"Invalid value: '{background}'. Supported values are: {Quote(Backgrounds)}.", "background", "invalid_value").Throw();
        if (background == "transparent" && outputFormat == "jpeg")
            throw ApiErrors.BadRequest("A transparent background needs output_format 'png' or 'webp'.", "background", "invalid_value").Throw();
        var stream = get("stream") == "true";
        if (stream && dalle) throw ApiErrors.BadRequest($"Streaming is not supported for {model}.", "stream", "unsupported_value").Throw();
        var partial = 0;
        if (get("partial_images") is { } rawPartial && (!int.TryParse(rawPartial, out partial) || partial is < 0 or > 3))
            throw ApiErrors.BadRequest($"Invalid 'partial_images': expected an integer between 0 and 3, but got '{rawPartial}' instead.", "partial_images", "invalid_value").Throw();
        return new ImageRequest(kind, prompt, model, n, size, quality, responseFormat ?? (dalle ? "url" : "b64_json"), outputFormat, background, stream, partial, get("style"), prompt + "|" + seed);
    }

    private static void CheckInput(InputImage input, bool dalle)
    {
        if (input.Format is null)
            throw ApiErrors.BadRequest("Invalid file 'image': unsupported mimetype. Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.", "image", "invalid_image_format").Throw();
        if (dalle)
        {
            if (input.Format != "png") throw ApiErrors.BadRequest("Invalid 'image': dall-e-2 takes a PNG file.", "image", "invalid_image_format").Throw();
            if (input.Length >= MaxDalleImageBytes) throw ApiErrors.BadRequest("Invalid 'image': the image must be less than 4 MB.", "image", "image_too_large").Throw();
            if (input.Width != input.Height) throw ApiErrors.BadRequest($"Invalid 'image': the image must be square (it is {input.Width}x{input.Height}).", "image", "invalid_image_size").Throw();
        }
    }

    private static bool FreeSize(string size)
    {
        var parts = size.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h)
               && w % 16 == 0 && h % 16 == 0 && w <= 3840 && h <= 3840 && w * 3 >= h && h * 3 >= w;
    }

    /// <summary>Reads a multipart form: fields, and the image sections named <paramref name="fileFields"/> streamed through a hash.</summary>
    private static async Task<(Dictionary<string, List<string>>, List<InputImage>)> ReadFormAsync(HttpContext context, string[] fileFields)
    {
        var images = new List<InputImage>();
        var fields = await StreamingMultipart.ReadAsync(context.Request, 17 * MaxGptImageBytes, async section =>
        {
            if (!fileFields.Contains(section.Name)) return;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[64 * 1024];
            var headLength = 0;
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await section.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > MaxGptImageBytes)
                    throw ApiErrors.BadRequest($"Invalid '{section.Name}': the file is larger than {MaxGptImageBytes} bytes.", section.Name, "image_too_large").Throw();
                sha.AppendData(buffer, 0, read);
                var keep = Math.Min(read, head.Length - headLength);
                if (keep > 0) { Array.Copy(buffer, 0, head, headLength, keep); headLength += keep; }
            }
            var (format, width, height) = Sniff(head, headLength);
            images.Add(new InputImage(section.Name == "image[]" ? "image" : section.Name, format, width, height, total, Convert.ToHexString(sha.GetHashAndReset())));
        });
        return (fields, images);
    }

    private static (string?, int?, int?) Sniff(byte[] head, int length)
    {
        if (length >= 24 && head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return ("png", head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19], head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23]);
        if (length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ("jpeg", null, null);
        if (length >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WEBP"u8)) return ("webp", null, null);
        return (null, null, null);
    }

    private static async Task AnswerAsync(HttpContext context, EmulatorState state, ImageRequest image)
    {
        var (width, height) = Dimensions(image);
        var transparent = image.Background == "transparent";
        var gpt = !image.Model.StartsWith("dall-e", StringComparison.Ordinal);
        var quality = image.Quality is null or "auto" ? (gpt ? "medium" : "standard") : image.Quality;
        var reportedSize = image.Size == "auto" ? $"{width}x{height}" : image.Size;
        var inputTokens = StandInModel.CountTokens(image.Prompt) + (image.Kind == "generation" ? 0 : 65);
        var outputTokens = image.N * (quality switch { "low" => 272, "high" => 4160, _ => 1056 });
        JsonObject Usage() => new()
        {
            ["total_tokens"] = inputTokens + outputTokens,
            ["input_tokens"] = inputTokens,
            ["output_tokens"] = outputTokens,
            ["input_tokens_details"] = new JsonObject { ["text_tokens"] = StandInModel.CountTokens(image.Prompt), ["image_tokens"] = inputTokens - StandInModel.CountTokens(image.Prompt) },
        };
        byte[] Png(int index, int? partial = null) =>
            PngPainter.Paint(width, height, $"{image.Seed}|{index}" + (partial is { } p ? $"|partial{p}" : ""), transparent, partial is { } q ? 2 + q * 2 : 8, image.Prompt);
        ModelTraffic.Record(state, new ModelCall(0, "images", image.Model, gpt ? inputTokens : 0, gpt ? outputTokens : 0)
            { Images = image.N, Size = reportedSize, Source = "image." + image.Kind });

        if (image.Stream)
        {
            var prefix = image.Kind == "generation" ? "image_generation" : "image_edit";
            IEnumerable<JsonObject> Events()
            {
                for (var i = 0; i < image.N; i++)
                {
                    for (var p = 0; p < image.PartialImages; p++)
                        yield return new JsonObject
                        {
                            ["type"] = prefix + ".partial_image", ["b64_json"] = Convert.ToBase64String(Png(i, p)), ["created_at"] = state.Clock.UnixSeconds,
                            ["size"] = reportedSize, ["quality"] = quality, ["background"] = transparent ? "transparent" : "opaque",
                            ["output_format"] = image.OutputFormat, ["partial_image_index"] = p,
                        };
                    yield return new JsonObject
                    {
                        ["type"] = prefix + ".completed", ["b64_json"] = Convert.ToBase64String(Png(i)), ["created_at"] = state.Clock.UnixSeconds,
                        ["size"] = reportedSize, ["quality"] = quality, ["background"] = transparent ? "transparent" : "opaque",
                        ["output_format"] = image.OutputFormat, ["usage"] = Usage(),
                    };
                }
            }
            EventStreamWriter.Begin(context);
            await EventStreamWriter.WriteAsync(context, Events(), named: true);
            return;
        }

        var data = new JsonArray();
        for (var i = 0; i < image.N; i++)
        {
            var png = Png(i);
            var item = image.ResponseFormat == "url"
                ? new JsonObject { ["url"] = "data:image/png;base64," + Convert.ToBase64String(png) }
                : new JsonObject { ["b64_json"] = Convert.ToBase64String(png) };
            if (image.Model == "dall-e-3") item["revised_prompt"] = (image.Style == "natural" ? "A natural rendering of " : "A vivid, detailed rendering of ") + image.Prompt;
            data.Add(item);
        }
        var answer = new JsonObject { ["created"] = state.Clock.UnixSeconds, ["data"] = data };
        if (gpt)
        {
            answer["background"] = transparent ? "transparent" : "opaque";
            answer["output_format"] = image.OutputFormat;
            answer["size"] = reportedSize;
            answer["quality"] = quality;
            answer["usage"] = Usage();
        }
        await Results.Json(answer, EmulatorJson.Options).ExecuteAsync(context);
    }

    private static (int, int) Dimensions(ImageRequest image)
    {
        var size = image.Size == "auto" ? "1024x1024" : image.Size;
        var parts = size.Split('x');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
