using System.Text.Json;
using TrutoOpenAi.Core.Streaming;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class ChatCompletionAccumulatorTests
{
    private static ChatCompletionAccumulator Feed(params string[] chunks)
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (var chunk in chunks)
        {
            using var document = JsonDocument.Parse(chunk);
            accumulator.Add(document.RootElement);
        }
        return accumulator;
    }

    [Fact]
    public void Content_deltas_are_joined_and_the_usage_of_the_last_chunk_is_kept()
    {
        var completion = Feed(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}").ToCompletion();

        Assert.Equal("chatcmpl-1", completion.Id);
        Assert.Equal("m", completion.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), completion.Created);
        Assert.Equal("Hello", completion.Content);
        Assert.Equal("stop", completion.FinishReason);
        Assert.Equal("assistant", completion.Message!.Role);
        Assert.Equal(5, completion.Usage!.TotalTokens);
        Assert.Equal(3, completion.Usage.PromptTokens);
        Assert.Equal("chat.completion", completion.Object);
    }

    [Fact]
    public void Tool_calls_are_gathered_by_index_even_when_their_pieces_interleave()
    {
        var completion = Feed(
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_a\",\"arguments\":\"\"}}]}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_b\",\"arguments\":\"{\\\"y\\\"\"}}]}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"x\\\":\"}}]}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\":2}\"}},{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}").ToCompletion();

        Assert.Equal("tool_calls", completion.FinishReason);
        Assert.Equal(string.Empty, completion.Content);
        Assert.Null(completion.Message!.Content);
        var calls = completion.FunctionCalls;
        Assert.Equal(new[] { "call_a", "call_b" }, calls.Select(c => c.CallId));
        Assert.Equal(new[] { "get_a", "get_b" }, calls.Select(c => c.Name));
        Assert.Equal(new[] { "{\"x\":1}", "{\"y\":2}" }, calls.Select(c => c.Arguments));
    }

    [Fact]
    public void Each_choice_is_built_on_its_own_and_a_stream_cut_short_gives_what_arrived()
    {
        var accumulator = Feed(
            "{\"id\":\"c\",\"choices\":[{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B\"}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}");

        var completion = accumulator.ToCompletion();

        Assert.Equal(3, accumulator.Chunks);
        Assert.Equal(new[] { 0, 1 }, completion.Choices.Select(c => c.Index));
        Assert.Equal("Aa", completion.Content);
        Assert.Equal("B", completion.Choices[1].Message!.Content);
        Assert.Null(completion.Choices[1].FinishReason);
        Assert.Null(completion.Usage);
    }
}
