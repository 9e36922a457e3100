using System.Net;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class ImageServiceTests
{
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 + i / 7);
        return bytes;
    }

    [Fact]
    public async Task Images_are_decoded_from_the_answer_in_chunks_into_the_destination_byte_for_byte()
    {
        // 200 KB images: several decode chunks each; the second image's base64 is escaped (\/) as some encoders write it.
        var first = Pattern(200_000);
        var second = Pattern(150_001);
        var escaped = Convert.ToBase64String(second).Replace("/", "\\/");
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "images/generations", HttpStatusCode.OK,
            "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + Convert.ToBase64String(first) + "\"},{\"b64_json\":\"" + escaped +
            "\",\"revised_prompt\":\"r\"},{\"url\":\"https://example.com/x.png\"}],\"size\":\"1024x1024\",\"quality\":\"low\",\"output_format\":\"png\"," +
            "\"usage\":{\"total_tokens\":300,\"input_tokens\":100,\"output_tokens\":200,\"input_tokens_details\":{\"text_tokens\":100,\"image_tokens\":0}}}");

        var answer = await new ImageService(api.Client).SendAsync(ImageService.GenerateRequest(new JsonObject { ["prompt"] = "p" }), null, CancellationToken.None);

        Assert.Equal(3, answer.Count);
        using (var one = new MemoryStream())
        {
            Assert.Equal(first.Length, answer.WriteImage(0, one));
            Assert.Equal(first, one.ToArray());
        }
        using (var two = new MemoryStream())
        {
            Assert.Equal(second.Length, answer.WriteImage(1, two));
            Assert.Equal(second, two.ToArray());
        }
        Assert.False(answer.HasBytes(2));
        Assert.Equal("https://example.com/x.png", answer.Url(2));
        Assert.Equal("r", answer.RevisedPrompt(1));
        Assert.Equal("1024x1024", answer.Size);
        Assert.Equal(200, answer.Usage!.OutputTokens);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713833628), answer.CreatedAt);
    }

    [Fact]
    public async Task Invalid_base64_is_an_error_not_a_short_file()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "images/generations", HttpStatusCode.OK, "{\"created\":1,\"data\":[{\"b64_json\":\"iVBORw0K*GgoAAAA\"}]}");
        var answer = await new ImageService(api.Client).SendAsync(ImageService.GenerateRequest(new JsonObject { ["prompt"] = "p" }), null, CancellationToken.None);
        Assert.Throws<OpenAiResponseException>(() => answer.WriteImage(0, new MemoryStream()));
    }
}
