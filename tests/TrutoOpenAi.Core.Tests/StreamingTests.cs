using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TrutoOpenAi.Core.Streaming;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class SseParserTests
{
    private static List<SseFrame> Parse(params string[] chunks)
    {
        var parser = new SseParser();
        var frames = new List<SseFrame>();
        foreach (var chunk in chunks)
        {
            var bytes = Encoding.UTF8.GetBytes(chunk);
            parser.Feed(bytes, 0, bytes.Length, frames);
        }
        return frames;
    }

    [Fact]
    public void CRLF_LF_and_CR_line_ends_give_the_same_frames()
    {
        var lf = Parse("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n");
        var crlf = Parse("event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n");
        var cr = Parse("event: a\rdata: 1\r\revent: b\rdata: 2\r\r");

        foreach (var frames in new[] { lf, crlf, cr })
        {
            Assert.Equal(new[] { "a", "b" }, frames.Select(f => f.EventName));
            Assert.Equal(new[] { "1", "2" }, frames.Select(f => f.Data));
        }
    }

    [Fact]
    public void A_CRLF_split_between_two_reads_ends_one_line_not_two()
    {
        var frames = Parse("data: x\r", "\ndata: y\r", "\n\r", "\n");

        var frame = Assert.Single(frames);
        Assert.Equal("x\ny", frame.Data);
    }

    [Fact]
    public void Data_lines_of_one_frame_are_joined_with_LF_and_one_leading_space_is_dropped()
    {
        var frame = Assert.Single(Parse("data: {\"a\":\ndata:  1}\ndata:\n\n"));

        Assert.Equal("{\"a\":\n 1}\n", frame.Data);
    }

    [Fact]
    public void Comments_are_skipped_and_id_and_retry_are_remembered_across_frames()
    {
        var parser = new SseParser();
        var frames = new List<SseFrame>();
        var bytes = Encoding.UTF8.GetBytes(": ping\nid: 7\nretry: 1500\ndata: a\n\n: keep-alive\ndata: b\n\nretry: x1\nunknown: z\ndata: c\n\n");
        parser.Feed(bytes, 0, bytes.Length, frames);

        Assert.Equal(new[] { "a", "b", "c" }, frames.Select(f => f.Data));
        Assert.All(frames, f => Assert.Equal("7", f.Id));
        Assert.All(frames, f => Assert.Equal(1500, f.Retry));
        Assert.Equal(new[] { 1, 2, 3 }, frames.Select(f => f.Number));
        Assert.Equal(2, parser.Comments);
    }

    [Fact]
    public void An_event_name_without_data_dispatches_nothing()
    {
        var frames = Parse("event: lonely\n\ndata: x\n\n");

        var frame = Assert.Single(frames);
        Assert.Null(frame.EventName);
    }

    [Fact]
    public void UTF8_sequences_split_byte_by_byte_across_reads_are_decoded_whole()
    {
        const string text = "data: {\"delta\":\"h\u00e9llo \u20ac \ud83d\ude00 \u65e5\u672c\"}\n\n";
        var parser = new SseParser();
        var frames = new List<SseFrame>();
        foreach (var b in Encoding.UTF8.GetBytes(text)) parser.Feed(new[] { b }, 0, 1, frames);

        Assert.Equal("{\"delta\":\"h\u00e9llo \u20ac \ud83d\ude00 \u65e5\u672c\"}", Assert.Single(frames).Data);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_ignored()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("data: x\n\n")).ToArray();
        var frames = new List<SseFrame>();
        new SseParser().Feed(bytes, 0, bytes.Length, frames);

        Assert.Equal("x", Assert.Single(frames).Data);
    }

    [Fact]
    public void Invalid_UTF8_is_a_malformed_stream_naming_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("data: ok\n\ndata: ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n\n")).ToArray();

        var error = Assert.Throws<OpenAiStreamException>(() => new SseParser().Feed(bytes, 0, bytes.Length, new List<SseFrame>()));

        Assert.Equal(OpenAiStreamFailure.Malformed, error.Failure);
        Assert.Equal("OpenAiStreamMalformed", error.ErrorId);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_line_that_never_ends_is_malformed_instead_of_growing_forever()
    {
        var parser = new SseParser { MaxLineBytes = 64 };
        var bytes = Encoding.UTF8.GetBytes("data: " + new string('x', 100));

        var error = Assert.Throws<OpenAiStreamException>(() => parser.Feed(bytes, 0, bytes.Length, new List<SseFrame>()));

        Assert.Contains("longer than 64 bytes", error.Message);
    }

    [Fact]
    public void Partial_frame_is_reported_until_its_blank_line_arrives()
    {
        var parser = new SseParser();
        var frames = new List<SseFrame>();
        var first = Encoding.UTF8.GetBytes("data: {\"a\"");
        parser.Feed(first, 0, first.Length, frames);
        Assert.True(parser.HasPartialFrame);
        Assert.Empty(frames);

        var rest = Encoding.UTF8.GetBytes(":1}\n\n");
        parser.Feed(rest, 0, rest.Length, frames);
        Assert.False(parser.HasPartialFrame);
        Assert.Equal("{\"a\":1}", Assert.Single(frames).Data);
    }
}

public sealed class EventStreamTests
{
    internal const string ResponsesStream =
        "event: response.created\n" +
        "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\",\"background\":false}}\n\n" +
        ": keep-alive\n\n" +
        "event: response.output_text.delta\n" +
        "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\",\"logprobs\":[]}\n\n" +
        "event: response.output_text.delta\r\n" +
        "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"l\u00f6 \u20ac\",\"logprobs\":[]}\r\n\r\n" +
        "event: response.completed\n" +
        "data: {\"type\":\"response.completed\",\"sequence_number\":3,\n" +
        "data: \"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":[]}}\n\n";

    private static async Task<List<OpenAiStreamEvent>> ReadAll(OpenAiEventStream stream, CancellationToken ct = default)
    {
        var events = new List<OpenAiStreamEvent>();
        while (await stream.MoveNextAsync(ct)) events.Add(stream.Current!);
        return events;
    }

    [Fact]
    public async Task A_Responses_stream_yields_typed_events_and_ends_at_response_completed_without_DONE()
    {
        using var stream = new OpenAiEventStream(ScriptedStream.FromText(ResponsesStream), OpenAiStreamFormat.Responses);

        var events = await ReadAll(stream);

        Assert.Equal(new[] { "response.created", "response.output_text.delta", "response.output_text.delta", "response.completed" }, events.Select(e => e.Type));
        Assert.Equal(new int?[] { 0, 1, 2, 3 }, events.Select(e => e.SequenceNumber));
        Assert.Equal("Hell\u00f6 \u20ac", string.Concat(events.Where(e => e.IsTextDelta).Select(e => e.Delta)));
        Assert.Equal("msg_1", events[1].ItemId);
        Assert.Equal(0, events[1].OutputIndex);
        Assert.True(events[3].IsTerminal);
        Assert.Equal("completed", events[3].Response!.Value.GetProperty("status").GetString());
        Assert.Equal("resp_1", stream.ResponseId);
        Assert.Equal(3, stream.LastSequenceNumber);
        Assert.True(stream.IsComplete);
    }

    [Fact]
    public async Task Every_split_of_the_bytes_gives_the_same_events()
    {
        using var whole = new OpenAiEventStream(ScriptedStream.FromText(ResponsesStream), OpenAiStreamFormat.Responses);
        var expected = (await ReadAll(whole)).Select(e => e.RawJson).ToList();

        for (var size = 1; size <= 40; size++)
        {
            using var split = new OpenAiEventStream(ScriptedStream.Split(ResponsesStream, size), OpenAiStreamFormat.Responses);
            Assert.Equal(expected, (await ReadAll(split)).Select(e => e.RawJson));
        }
    }

    [Fact]
    public async Task Nothing_after_the_terminal_event_is_read()
    {
        var body = new ScriptedStream(new[] { Encoding.UTF8.GetBytes(ResponsesStream) }, ScriptedStream.Ending.WaitForDispose);
        using var stream = new OpenAiEventStream(body, OpenAiStreamFormat.Responses);

        var events = await ReadAll(stream); // would wait forever if it read past response.completed

        Assert.Equal(4, events.Count);
        Assert.False(await stream.MoveNextAsync());
    }

    [Fact]
    public async Task A_chat_stream_reads_chunks_until_DONE_and_lifts_the_content_delta()
    {
        const string chat =
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n" +
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n" +
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"total_tokens\":5}}\n\n" +
            "data: [DONE]\n\n";
        using var stream = new OpenAiEventStream(ScriptedStream.Split(chat, 7), OpenAiStreamFormat.ChatCompletions);

        var events = await ReadAll(stream);

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("chat.completion.chunk", e.Type));
        Assert.Equal("Hi", string.Concat(events.Select(e => e.Delta)));
        Assert.Equal(5, events[2].Payload.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.True(stream.IsComplete);
    }

    [Fact]
    public async Task Assistants_events_are_typed_by_their_event_line_and_end_at_done()
    {
        const string run =
            "event: thread.run.created\ndata: {\"id\":\"run_1\",\"object\":\"thread.run\",\"status\":\"queued\"}\n\n" +
            "event: thread.run.step.created\ndata: {\"id\":\"step_1\",\"object\":\"thread.run.step\"}\n\n" +
            "event: thread.message.delta\ndata: {\"id\":\"msg_1\",\"object\":\"thread.message.delta\",\"delta\":{\"content\":[{\"index\":0,\"type\":\"text\",\"text\":{\"value\":\"Yo\"}}]}}\n\n" +
            "event: done\ndata: [DONE]\n\n";
        using var stream = new OpenAiEventStream(ScriptedStream.FromText(run), OpenAiStreamFormat.Assistants);

        var events = await ReadAll(stream);

        Assert.Equal(new[] { "thread.run.created", "thread.run.step.created", "thread.message.delta" }, events.Select(e => e.Type));
        Assert.Equal("Yo", events[2].Delta);
        Assert.True(events[2].IsTextDelta);
        Assert.True(stream.IsComplete);
    }

    [Theory]
    [InlineData("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"a\"\n\n", "frame 1 (event 'response.output_text.delta')", "not JSON")]
    [InlineData("data: {\"type\":\"response.created\",\"response\":{}}\n\ndata: [1,2]\n\n", "frame 2", "JSON array, not an object")]
    [InlineData("data: {\"sequence_number\":0}\n\n", "frame 1", "names no event type")]
    public async Task A_malformed_frame_ends_with_a_typed_error_naming_what_was_malformed(string body, string where, string what)
    {
        using var stream = new OpenAiEventStream(ScriptedStream.Split(body, 5, ScriptedStream.Ending.WaitForDispose), OpenAiStreamFormat.Responses);

        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => ReadAll(stream));

        Assert.Equal(OpenAiStreamFailure.Malformed, error.Failure);
        Assert.Equal("OpenAiStreamMalformed", error.ErrorId);
        Assert.Contains(where, error.Message);
        Assert.Contains(what, error.Message);
        Assert.False(await stream.MoveNextAsync()); // over, not hanging
    }

    [Fact]
    public async Task A_stream_that_stops_in_the_middle_of_a_frame_says_so_with_the_last_sequence_number()
    {
        var cut = ResponsesStream.Substring(0, ResponsesStream.IndexOf("\"sequence_number\":3", StringComparison.Ordinal));
        using var stream = new OpenAiEventStream(ScriptedStream.Split(cut, 11), OpenAiStreamFormat.Responses);

        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => ReadAll(stream));

        Assert.Equal(OpenAiStreamFailure.Interrupted, error.Failure);
        Assert.Contains("in the middle of an event frame", error.Message);
        Assert.Contains("before a terminal event", error.Message);
        Assert.Equal(2, error.LastSequenceNumber);
        Assert.Equal("resp_1", error.ResponseId);
    }

    [Fact]
    public async Task A_chat_stream_without_DONE_is_interrupted_not_complete()
    {
        using var stream = new OpenAiEventStream(ScriptedStream.FromText("data: {\"object\":\"chat.completion.chunk\",\"choices\":[]}\n\n"), OpenAiStreamFormat.ChatCompletions);

        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => ReadAll(stream));

        Assert.Equal("OpenAiStreamInterrupted", error.ErrorId);
        Assert.Contains("before [DONE]", error.Message);
    }

    [Fact]
    public async Task A_dropped_connection_is_an_interrupted_stream()
    {
        var cut = ResponsesStream.Substring(0, ResponsesStream.IndexOf("event: response.completed", StringComparison.Ordinal));
        using var stream = new OpenAiEventStream(ScriptedStream.FromText(cut, ScriptedStream.Ending.ConnectionDrop), OpenAiStreamFormat.Responses);

        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => ReadAll(stream));

        Assert.Equal(OpenAiStreamFailure.Interrupted, error.Failure);
        Assert.Contains("dropped after 3 event(s)", error.Message);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task No_event_within_the_idle_timeout_ends_the_stream_with_an_idle_error_and_closes_it()
    {
        var body = ScriptedStream.FromText("data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_9\"}}\n\n", ScriptedStream.Ending.WaitForDispose);
        var time = new InstantTimeProvider(ApiHarness.Now) { FireTimers = false };
        var options = new OpenAiStreamOptions { IdleTimeout = TimeSpan.FromSeconds(30), TimeProvider = time };
        using var stream = new OpenAiEventStream(body, OpenAiStreamFormat.Responses, options);
        Assert.True(await stream.MoveNextAsync());

        time.FireTimers = true; // the clock moves past the idle timeout for the next wait
        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => stream.MoveNextAsync());

        Assert.Equal("OpenAiStreamIdleTimeout", error.ErrorId);
        Assert.Contains("within 30 s", error.Message);
        Assert.Equal(0, error.LastSequenceNumber);
        Assert.True(body.Disposed);
        Assert.Contains(TimeSpan.FromSeconds(30), time.Delays);
    }

    [Fact]
    public async Task Cancelling_disposes_the_body_at_once_even_when_the_read_ignores_its_token()
    {
        var body = ScriptedStream.FromText("", ScriptedStream.Ending.WaitForDispose);
        using var stream = new OpenAiEventStream(body, OpenAiStreamFormat.Responses);
        using var cts = new CancellationTokenSource();

        var reading = stream.MoveNextAsync(cts.Token);
        await body.Waiting.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(body.Disposed);
    }

    [Fact]
    public async Task OpenAsync_refuses_an_answer_that_is_not_an_event_stream()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "responses", HttpStatusCode.OK, "{\"id\":\"resp_1\"}");

        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() =>
            OpenAiEventStream.OpenAsync(api.Client, new OpenAiRequest(HttpMethod.Post, "responses").WithJsonBody("{\"stream\":true}"),
                OpenAiStreamFormat.Responses, null, null, CancellationToken.None));

        Assert.Equal("OpenAiStreamNotEventStream", error.ErrorId);
        Assert.Contains("application/json instead of text/event-stream", error.Message);
    }

    [Fact]
    public async Task OpenAsync_surfaces_an_API_error_before_the_stream_as_an_API_exception()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "responses", HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"Missing model\",\"type\":\"invalid_request_error\",\"param\":\"model\"}}");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() =>
            OpenAiEventStream.OpenAsync(api.Client, new OpenAiRequest(HttpMethod.Post, "responses").WithJsonBody("{\"stream\":true}"),
                OpenAiStreamFormat.Responses, null, null, CancellationToken.None));

        Assert.Equal("OpenAiInvalidRequest", error.ErrorId);
    }

    internal static void ReplyStream(ApiHarness api, HttpMethod method, string path, ScriptedStream body)
    {
        var expected = api.Expect(method, path);
        expected.Respond(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
    }
}

public sealed class ResponseStreamResumeTests
{
    private static string Event(int sequence, string type, string extra) =>
        $"event: {type}\ndata: {{\"type\":\"{type}\",\"sequence_number\":{sequence}{extra}}}\n\n";

    private static string Created(bool background) =>
        Event(0, "response.created", $",\"response\":{{\"id\":\"resp_bg\",\"status\":\"queued\",\"background\":{(background ? "true" : "false")}}}");

    private static string Delta(int sequence) => Event(sequence, "response.output_text.delta", $",\"item_id\":\"msg_1\",\"delta\":\"{sequence} \"");

    private static string Completed(int sequence) => Event(sequence, "response.completed", ",\"response\":{\"id\":\"resp_bg\",\"status\":\"completed\"}");

    private static OpenAiRequest Create() => new OpenAiRequest(HttpMethod.Post, "responses").WithJsonBody("{\"model\":\"m\",\"stream\":true,\"background\":true}");

    [Fact]
    public async Task A_dropped_background_stream_resumes_after_its_last_sequence_number_without_repeats_or_gaps()
    {
        using var api = new ApiHarness();
        EventStreamTests.ReplyStream(api, HttpMethod.Post, "responses",
            ScriptedStream.FromText(Created(true) + Delta(1) + Delta(2), ScriptedStream.Ending.ConnectionDrop));
        // the server replays from an earlier point than asked: the reader must drop what it already handed out
        EventStreamTests.ReplyStream(api, HttpMethod.Get, "responses/resp_bg",
            ScriptedStream.Split(Delta(2) + Delta(3) + Delta(4), 9, ScriptedStream.Ending.EndOfBody));
        EventStreamTests.ReplyStream(api, HttpMethod.Get, "responses/resp_bg",
            ScriptedStream.FromText(Delta(5) + Completed(6)));
        var resumes = new List<(int, int?)>();
        var options = new OpenAiStreamOptions { OnResume = (n, after, _) => resumes.Add((n, after)) };

        using var stream = await OpenAiResponseStream.StartAsync(api.Client, Create(), options, null, CancellationToken.None);
        var sequence = new List<int>();
        while (await stream.MoveNextAsync()) sequence.Add(stream.Current!.SequenceNumber!.Value);

        Assert.Equal(Enumerable.Range(0, 7), sequence);
        Assert.Equal(2, stream.Resumes);
        Assert.Equal(new[] { (1, (int?)2), (2, (int?)4) }, resumes);
        var sent = api.Sent;
        Assert.Equal(3, sent.Count);
        Assert.Equal("?stream=true&starting_after=2", sent[1].Uri.Query);
        Assert.Equal("?stream=true&starting_after=4", sent[2].Uri.Query);
    }

    [Fact]
    public async Task A_dropped_foreground_stream_is_not_resumed_and_fails_with_the_response_id()
    {
        using var api = new ApiHarness();
        EventStreamTests.ReplyStream(api, HttpMethod.Post, "responses",
            ScriptedStream.FromText(Created(false) + Delta(1), ScriptedStream.Ending.ConnectionDrop));

        using var stream = await OpenAiResponseStream.StartAsync(api.Client, Create(), null, null, CancellationToken.None);
        Assert.True(await stream.MoveNextAsync());
        Assert.True(await stream.MoveNextAsync());
        var error = await Assert.ThrowsAsync<OpenAiStreamException>(() => stream.MoveNextAsync());

        Assert.Equal(OpenAiStreamFailure.Interrupted, error.Failure);
        Assert.Equal("resp_bg", error.ResponseId);
        Assert.Equal(1, error.LastSequenceNumber);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task Resumes_stop_at_the_limit_with_the_interruption_error()
    {
        using var api = new ApiHarness();
        EventStreamTests.ReplyStream(api, HttpMethod.Post, "responses", ScriptedStream.FromText(Created(true), ScriptedStream.Ending.ConnectionDrop));
        EventStreamTests.ReplyStream(api, HttpMethod.Get, "responses/resp_bg", ScriptedStream.FromText(Delta(1), ScriptedStream.Ending.ConnectionDrop));

        using var stream = await OpenAiResponseStream.StartAsync(api.Client, Create(), new OpenAiStreamOptions { MaxResumes = 1 }, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<OpenAiStreamException>(async () => { while (await stream.MoveNextAsync()) { } });

        Assert.Equal("OpenAiStreamInterrupted", error.ErrorId);
        Assert.Equal(1, error.LastSequenceNumber);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task ResumeAsync_opens_the_stored_stream_after_the_given_sequence_number_and_skips_older_events()
    {
        using var api = new ApiHarness();
        EventStreamTests.ReplyStream(api, HttpMethod.Get, "responses/resp_bg", ScriptedStream.FromText(Delta(3) + Delta(4) + Completed(5)));

        using var stream = await OpenAiResponseStream.ResumeAsync(api.Client, "resp_bg", 3, null, null, CancellationToken.None);
        var sequence = new List<int>();
        while (await stream.MoveNextAsync()) sequence.Add(stream.Current!.SequenceNumber!.Value);

        Assert.Equal(new[] { 4, 5 }, sequence);
        Assert.Equal("?stream=true&starting_after=3", Assert.Single(api.Sent).Uri.Query);
    }

    [Fact]
    public void The_resume_request_escapes_the_response_id()
    {
        Assert.Equal("responses/a%20b?stream=true", OpenAiResponseStream.ResumeRequest("a b", null).PathAndQuery);
        Assert.Throws<OpenAiValidationException>(() => OpenAiResponseStream.ResumeRequest("x/y", 1));
    }
}
