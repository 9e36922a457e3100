using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;
using Xunit;

namespace TrutoOpenAi.Emulator.Tests;

public sealed class StandInModelTests
{
    private static StandInPrompt Ask(string text, params StandInFunction[] functions) =>
        new() { Messages = [new StandInMessage("user", text)], Functions = functions };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void The_same_prompt_gives_the_same_answer_and_the_text_echoes_the_question()
    {
        var first = StandInModel.Respond(Ask("What is PowerShell?"));
        var second = StandInModel.Respond(Ask("What is PowerShell?"));

        Assert.Equal("You said: What is PowerShell?", first.Text);
        Assert.Equal(first, second with { FunctionCalls = first.FunctionCalls });
        Assert.Empty(first.FunctionCalls);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("word", 1)]
    [InlineData("words", 2)]
    [InlineData("Hello, world!", 6)]
    [InlineData("a b  c", 3)]
    public void Tokens_count_letter_runs_by_four_and_punctuation_by_one(string text, int tokens) =>
        Assert.Equal(tokens, StandInModel.CountTokens(text));

    [Fact]
    public void Usage_is_computed_from_the_text()
    {
        var answer = StandInModel.Respond(new StandInPrompt { Instructions = "Be brief.", Messages = [new("user", "Hello, world!")] });

        Assert.Equal(6 + 3 + 4, answer.InputTokens); // message + overhead + instructions
        Assert.Equal(StandInModel.CountTokens("You said: Hello, world!"), answer.OutputTokens);
        Assert.Equal(answer.InputTokens + answer.OutputTokens, answer.TotalTokens);
    }

    [Fact]
    public void A_function_named_in_the_question_is_called_with_arguments_taken_from_the_question()
    {
        var weather = new StandInFunction("Get-Weather", "Weather for a city",
            Json("""{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1,"maximum":7},"unit":{"type":"string","enum":["C","F"]}},"required":["city","days","unit"]}"""));
        var other = new StandInFunction("Get_Time");

        var answer = StandInModel.Respond(Ask("Please call Get-Weather city=\"New York\" days=3", weather, other));

        var call = Assert.Single(answer.FunctionCalls);
        Assert.Equal("Get-Weather", call.Name);
        Assert.StartsWith("call_", call.CallId);
        var arguments = JsonNode.Parse(call.Arguments)!;
        Assert.Equal("New York", (string?)arguments["city"]);
        Assert.Equal(3, (int?)arguments["days"]);
        Assert.Equal("C", (string?)arguments["unit"]);
        Assert.Equal("", answer.Text);
    }

    [Fact]
    public void Names_with_underscores_match_as_words_and_several_functions_are_called_in_order()
    {
        var answer = StandInModel.Respond(Ask("get time and then get weather", new StandInFunction("get_weather"), new StandInFunction("get_time")));

        Assert.Equal(new[] { "get_weather", "get_time" }, answer.FunctionCalls.Select(c => c.Name));
    }

    [Fact]
    public void After_a_function_output_the_model_answers_with_it_and_calls_nothing()
    {
        var prompt = new StandInPrompt
        {
            Functions = [new StandInFunction("Get-Weather")],
            Messages = [new("user", "call Get-Weather"), new("tool", "Sunny, 21 C", "Get-Weather")],
        };

        var answer = StandInModel.Respond(prompt);

        Assert.Empty(answer.FunctionCalls);
        Assert.Equal("Get-Weather returned: Sunny, 21 C", answer.Text);
    }

    [Fact]
    public void Tool_choice_none_required_and_a_named_function_are_honoured()
    {
        var f = new StandInFunction("first");
        var g = new StandInFunction("second");

        Assert.Empty(StandInModel.Respond(Ask("call first", f, g) with { ToolChoice = "none" }).FunctionCalls);
        Assert.Equal("first", Assert.Single(StandInModel.Respond(Ask("nothing named", f, g) with { ToolChoice = "required" }).FunctionCalls).Name);
        Assert.Equal("second", Assert.Single(StandInModel.Respond(Ask("call first", f, g) with { ToolChoice = "second" }).FunctionCalls).Name);
        Assert.Empty(StandInModel.Respond(Ask("nothing named", f, g)).FunctionCalls);
    }

    [Fact]
    public void The_always_call_marker_keeps_calling_after_outputs()
    {
        var prompt = new StandInPrompt
        {
            Functions = [new StandInFunction("loop")],
            Messages = [new("user", "[always-call] go"), new("tool", "done", "loop")],
        };

        Assert.Equal("loop", Assert.Single(StandInModel.Respond(prompt).FunctionCalls).Name);
    }

    [Fact]
    public void Structured_output_is_an_instance_of_the_schema()
    {
        var schema = Json("""
        {"type":"object","additionalProperties":false,"required":["name","age","tags","kind","address","score","ok","nick"],
         "properties":{
           "name":{"type":"string","minLength":3,"maxLength":40},
           "age":{"type":"integer","minimum":18,"maximum":99},
           "tags":{"type":"array","items":{"type":"string"},"minItems":2},
           "kind":{"enum":["a","b"]},
           "address":{"$ref":"#/$defs/address"},
           "score":{"type":"number","minimum":0,"maximum":1},
           "ok":{"type":"boolean"},
           "nick":{"type":["string","null"]}},
         "$defs":{"address":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}}
        """);

        var answer = StandInModel.Respond(Ask("Describe Ada name=Ada") with { Schema = schema });

        var value = JsonNode.Parse(answer.Text)!.AsObject();
        Assert.Equal(new[] { "name", "age", "tags", "kind", "address", "score", "ok", "nick" }, value.Select(p => p.Key));
        Assert.Equal("Ada", (string?)value["name"]);
        Assert.InRange((int)value["age"]!, 18, 99);
        Assert.Equal(2, value["tags"]!.AsArray().Count);
        Assert.Equal("a", (string?)value["kind"]);
        Assert.IsType<string>((string?)value["address"]!["city"]);
        Assert.InRange((double)value["score"]!, 0, 1);
        Assert.Equal(JsonValueKind.String, value["nick"]!.GetValueKind());
        Assert.Equal(answer.Text, StandInModel.Respond(Ask("Describe Ada name=Ada") with { Schema = schema }).Text);
    }

    [Fact]
    public void An_answer_longer_than_max_output_tokens_is_cut_and_incomplete()
    {
        var answer = StandInModel.Respond(Ask("one two three four five six seven") with { MaxOutputTokens = 4 });

        Assert.True(answer.Incomplete);
        Assert.True(answer.OutputTokens <= 4);
        Assert.StartsWith("You said", answer.Text);
    }

    [Fact]
    public void The_fail_marker_fails()
    {
        var answer = StandInModel.Respond(Ask("please [fail] now"));

        Assert.True(answer.Failed);
        Assert.Contains("asked to fail", answer.FailureMessage);
    }

    [Fact]
    public void Embeddings_are_deterministic_unit_vectors_that_differ_by_text()
    {
        var a = StandInModel.Embed("alpha", 64);
        var b = StandInModel.Embed("beta", 64);

        Assert.Equal(a, StandInModel.Embed("alpha", 64));
        Assert.NotEqual(a, b);
        Assert.Equal(1.0, Math.Sqrt(a.Sum(x => (double)x * x)), 3);
    }

    [Fact]
    public void Moderation_flags_the_categories_whose_words_appear()
    {
        var (flagged, categories, scores) = StandInModel.Moderate("I will attack the castle");
        var (clean, _, cleanScores) = StandInModel.Moderate("I like tea");

        Assert.True(flagged);
        Assert.True(categories["violence"]);
        Assert.False(categories["hate"]);
        Assert.Equal(0.97, scores["violence"]);
        Assert.False(clean);
        Assert.All(cleanScores.Values, s => Assert.InRange(s, 0, 0.05));
    }

    [Fact]
    public void Chunks_rebuild_the_text()
    {
        var chunks = StandInModel.Chunks("You said: a  b c");

        Assert.Equal("You said: a  b c", string.Concat(chunks));
        Assert.True(chunks.Count >= 4);
    }
}
