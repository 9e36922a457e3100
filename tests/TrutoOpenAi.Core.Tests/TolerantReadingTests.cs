using System.Text.Json;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Json;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.VectorStores;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

/// <summary>Fields whose JSON type differs from the model's are set aside, kept raw and reported; the object is still read.</summary>
public sealed class TolerantReadingTests
{
    private sealed class Observer : IOpenAiCallObserver, IOpenAiReadObserver
    {
        public List<string> Problems { get; } = new();
        public void OnRequest(string method, Uri uri, int attempt, string? bodySummary) { }
        public void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId) { }
        public void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason) { }
        public void OnReadProblem(string message) => Problems.Add(message);
    }

    private static T Read<T>(string json, Observer observer) where T : OpenAiObject
    {
        using var document = JsonDocument.Parse(json);
        using (TolerantReader.Observe(observer)) return OpenAiObject.From<T>(document.RootElement);
    }

    [Fact]
    public void A_string_where_the_model_has_a_list_is_kept_raw_and_reported()
    {
        var observer = new Observer();

        var page = Read<OpenAiVectorStoreSearchPage>("""{"object":"vector_store.search_results.page","search_query":"refunds","data":[{"file_id":"file_1","score":0.5}],"has_more":false}""", observer);

        Assert.Null(page.SearchQuery);
        Assert.Equal("refunds", page.AdditionalProperties!["search_query"].GetString());
        Assert.Equal("file_1", Assert.Single(page.Data).FileId);
        Assert.Contains("\"search_query\":\"refunds\"", page.RawJson);
        var problem = Assert.Single(observer.Problems);
        Assert.Contains("'search_query' is a string where the model expects a list", problem);
        Assert.DoesNotContain("refunds", problem); // values are never written to the streams, only their kinds
    }

    [Fact]
    public void Misfits_deep_in_a_list_stay_with_their_own_item_and_null_where_a_number_belongs_is_kept_too()
    {
        var observer = new Observer();

        var page = Read<OpenAiVectorStoreSearchPage>("""
            {"search_query":["a"],"has_more":null,
             "data":[{"file_id":"file_1","score":"high"},{"file_id":"file_2","score":0.25,"content":{"type":"text"}}]}
            """, observer);

        Assert.Equal(new[] { "a" }, page.SearchQuery);
        Assert.False(page.HasMore);
        Assert.Equal(JsonValueKind.Null, page.AdditionalProperties!["has_more"].ValueKind);
        Assert.Equal(new[] { "file_1", "file_2" }, page.Data.Select(d => d.FileId));
        Assert.Equal("high", page.Data[0].AdditionalProperties!["score"].GetString());
        Assert.Equal(0.25, page.Data[1].Score);
        Assert.Null(page.Data[1].Content);
        Assert.Equal(JsonValueKind.Object, page.Data[1].AdditionalProperties!["content"].ValueKind);
        Assert.Equal(3, observer.Problems.Count);
        Assert.Contains(observer.Problems, p => p.Contains("'data[0].score' is a string where the model expects a number"));
        Assert.Contains(observer.Problems, p => p.Contains("'data[1].content' is an object where the model expects a list"));
        Assert.Contains(observer.Problems, p => p.Contains("'has_more' is null where the model expects true/false"));
    }

    [Fact]
    public void Without_an_observer_the_object_is_still_read()
    {
        using var document = JsonDocument.Parse("""{"search_query":"x","data":[]}""");

        var page = OpenAiObject.From<OpenAiVectorStoreSearchPage>(document.RootElement);

        Assert.Equal("x", page.AdditionalProperties!["search_query"].GetString());
    }
}
