using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class BatchWorkflowTests
{
    private static OpenAiBatchRequest Line(string id, string url = "/v1/responses", string text = "hi") =>
        new() { CustomId = id, Url = url, Body = new JsonObject { ["model"] = "gpt-4o-mini", ["input"] = text } };

    [Fact]
    public void A_line_is_the_spec_s_BatchRequestInput_and_fresh_custom_ids_never_repeat()
    {
        var line = OpenAiBatchRequest.For("/v1/embeddings", new JsonObject { ["model"] = "m", ["input"] = "é\"x" }, 42);
        using var parsed = JsonDocument.Parse(line.ToJsonLine());
        var root = parsed.RootElement;
        Assert.Equal(new[] { "custom_id", "method", "url", "body" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(line.CustomId, root.GetProperty("custom_id").GetString());
        Assert.Equal("POST", root.GetProperty("method").GetString());
        Assert.Equal("/v1/embeddings", root.GetProperty("url").GetString());
        Assert.Equal("é\"x", root.GetProperty("body").GetProperty("input").GetString());
        Assert.DoesNotContain('\n', line.ToJsonLine());
        Assert.Equal(42, line.InputObject);
        var ids = Enumerable.Range(0, 1000).Select(_ => OpenAiBatchRequest.NewCustomId()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Split_groups_by_endpoint_in_input_order_and_cuts_at_the_request_limit()
    {
        var lines = Enumerable.Range(0, 7).Select(i => Line("r" + i, i % 3 == 2 ? "/v1/embeddings" : "/v1/responses")).ToList();

        var chunks = BatchWorkflow.Split(lines, maxRequests: 3);

        Assert.Equal(new[] { "/v1/responses", "/v1/embeddings", "/v1/responses" }, chunks.Select(c => c.Endpoint));
        Assert.Equal(new[] { 0, 1, 3 }, chunks[0].Indexes);
        Assert.Equal(new[] { 2, 5 }, chunks[1].Indexes);
        Assert.Equal(new[] { 4, 6 }, chunks[2].Indexes);
        Assert.All(chunks, c => Assert.Equal(c.Lines.Sum(l => l.Length + 1), c.Bytes));
    }

    [Fact]
    public void Split_cuts_at_the_byte_limit_counting_newlines_and_refuses_a_line_bigger_than_a_file()
    {
        var lines = Enumerable.Range(0, 5).Select(i => Line("r" + i)).ToList();
        var size = Encoding.UTF8.GetByteCount(lines[0].ToJsonLine()) + 1;

        var chunks = BatchWorkflow.Split(lines, maxBytes: size * 2);

        Assert.Equal(new[] { 2, 2, 1 }, chunks.Select(c => c.Indexes.Count));
        Assert.All(chunks, c => Assert.True(c.Bytes <= size * 2));
        var error = Assert.Throws<OpenAiValidationException>(() => BatchWorkflow.Split(lines, maxBytes: size - 1));
        Assert.Equal("OpenAiBatchRequestTooLarge", error.ErrorId);
    }

    [Fact]
    public void WriteJsonl_writes_one_line_per_request_in_order()
    {
        var lines = new[] { Line("a"), Line("b", text: "two\nlines") };
        var chunk = Assert.Single(BatchWorkflow.Split(lines));
        using var buffer = new MemoryStream();

        BatchWorkflow.WriteJsonl(chunk, buffer);

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Equal(chunk.Bytes, buffer.Length);
        var written = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "a", "b" }, written.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()));
    }

    [Fact]
    public void Outcomes_are_read_from_output_and_error_lines_and_become_typed_results()
    {
        const string file =
            "{\"id\":\"batch_req_1\",\"custom_id\":\"ok\",\"response\":{\"status_code\":200,\"request_id\":\"req_1\",\"body\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\"}]}]}},\"error\":null}\n" +
            "{\"id\":\"batch_req_2\",\"custom_id\":\"bad\",\"response\":{\"status_code\":400,\"request_id\":\"req_2\",\"body\":{\"error\":{\"message\":\"Missing model\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"missing_required_parameter\"}}},\"error\":null}\n" +
            "{\"id\":\"batch_req_3\",\"custom_id\":\"late\",\"response\":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"not run\"}}\n" +
            "{\"id\":\"batch_req_4\",\"custom_id\":\"broke\",\"response\":{\"status_code\":200,\"request_id\":\"req_4\",\"body\":{\"id\":\"resp_4\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"asked to fail\"},\"output\":[]}},\"error\":null}\n" +
            "not json\n\n";
        var outcomes = new Dictionary<string, BatchLineOutcome>();

        var skipped = BatchWorkflow.ReadOutcomes(new MemoryStream(Encoding.UTF8.GetBytes(file)), outcomes);

        Assert.Equal(1, skipped);
        var ok = BatchWorkflow.ToResult(0, Line("ok"), outcomes["ok"], "batch_1", "x", "y");
        Assert.True(ok.Succeeded);
        Assert.Equal("Hello", ok.Output);
        Assert.Equal("resp_1", Assert.IsType<OpenAiResponse>(ok.Response).Id);
        Assert.Equal(("req_1", 200, "batch_1"), (ok.RequestId, ok.StatusCode, ok.BatchId));

        var bad = BatchWorkflow.ToResult(1, Line("bad"), outcomes["bad"], "batch_1", "x", "y");
        Assert.False(bad.Succeeded);
        Assert.Equal((400, "missing_required_parameter", "Missing model"), (bad.StatusCode, bad.ErrorCode, bad.ErrorMessage));

        var late = BatchWorkflow.ToResult(2, Line("late"), outcomes["late"], "batch_1", "x", "y");
        Assert.Equal(("batch_expired", "not run", (int?)null), (late.ErrorCode, late.ErrorMessage, late.StatusCode));

        var broke = BatchWorkflow.ToResult(3, Line("broke"), outcomes["broke"], "batch_1", "x", "y");
        Assert.False(broke.Succeeded);
        Assert.Equal(("server_error", "asked to fail"), (broke.ErrorCode, broke.ErrorMessage));

        var missing = BatchWorkflow.ToResult(4, Line("gone"), null, "batch_1", "batch_cancelled", "never ran");
        Assert.False(missing.Succeeded);
        Assert.Equal(("batch_cancelled", "never ran", 4), (missing.ErrorCode, missing.ErrorMessage, missing.Index));
    }

    [Fact]
    public void An_embedding_result_decodes_its_base64_vector_and_keeps_its_text()
    {
        var vector = new[] { 0.5f, -1.25f, 3f };
        var base64 = Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray());
        var file = "{\"custom_id\":\"e\",\"response\":{\"status_code\":200,\"request_id\":\"r\",\"body\":{\"object\":\"list\",\"model\":\"text-embedding-3-small\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":\"" + base64 + "\"}]}}}\n";
        var outcomes = new Dictionary<string, BatchLineOutcome>();
        BatchWorkflow.ReadOutcomes(new MemoryStream(Encoding.UTF8.GetBytes(file)), outcomes);
        var request = Line("e", "/v1/embeddings", "refunds");

        var result = BatchWorkflow.ToResult(7, request, outcomes["e"], "batch_1", "x", "y");

        Assert.True(result.Succeeded);
        var embedding = Assert.IsType<OpenAiEmbedding>(result.Response);
        Assert.Equal(("refunds", 7, "text-embedding-3-small"), (embedding.Text, embedding.Index, embedding.Model));
        Assert.Equal(vector, Assert.IsType<float[]>(result.Output));
    }

    [Fact]
    public async Task The_client_reports_openai_poll_after_ms_to_a_poll_observer()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "batches/batch_1", HttpStatusCode.OK, "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"in_progress\"}", ("openai-poll-after-ms", "1500"));
        api.Reply(HttpMethod.Get, "batches/batch_1", HttpStatusCode.OK, "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\"}");
        var observer = new PollObserver();

        var first = await new BatchService(api.Client).GetAsync("batch_1", observer, CancellationToken.None);
        Assert.Equal("in_progress", first.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Assert.Single(observer.Asked));
        await new BatchService(api.Client).GetAsync("batch_1", observer, CancellationToken.None);
        Assert.Single(observer.Asked);
    }

    private sealed class PollObserver : IOpenAiCallObserver, IOpenAiPollObserver
    {
        public List<TimeSpan> Asked { get; } = new();
        public void OnRequest(string method, Uri uri, int attempt, string? bodySummary) { }
        public void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId) { }
        public void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason) { }
        public void OnPollAfter(TimeSpan after) => Asked.Add(after);
    }
}
