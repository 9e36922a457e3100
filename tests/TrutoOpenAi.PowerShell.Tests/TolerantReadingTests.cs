using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using TrutoOpenAi.Core.Models.VectorStores;
using Xunit;

namespace TrutoOpenAi.PowerShell.Tests;

/// <summary>A field whose JSON type differs from the model's does not fail the object (Core/Json/TolerantReader).</summary>
public sealed class TolerantReadingTests
{
    /// <summary>The spec's own example answer of POST /vector_stores/{id}/search (openapi.yaml), verbatim:
    /// search_query is a string there, a list of strings in the schema and in the model.</summary>
    private const string SpecExampleSearchAnswer = """
        {
          "object": "vector_store.search_results.page",
          "search_query": "What is the return policy?",
          "data": [
            {
              "file_id": "file_123",
              "filename": "document.pdf",
              "score": 0.95,
              "attributes": {
                "author": "John Doe",
                "date": "2023-01-01"
              },
              "content": [
                {
                  "type": "text",
                  "text": "Relevant chunk"
                }
              ]
            },
            {
              "file_id": "file_456",
              "filename": "notes.txt",
              "score": 0.89,
              "attributes": {
                "author": "Jane Smith",
                "date": "2023-01-02"
              },
              "content": [
                {
                  "type": "text",
                  "text": "Sample text content from the vector store."
                }
              ]
            }
          ],
          "has_more": false,
          "next_page": null
        }
        """;

    [Fact]
    public void Search_OpenAiVectorStore_emits_the_results_of_the_specs_example_answer_and_says_what_it_kept_raw()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://api.test/v1/vector_stores/vs_1/search")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(SpecExampleSearchAnswer, Encoding.UTF8, "application/json") });
        using var host = new PowerShellHost(mock);

        var run = host.Run("Search-OpenAiVectorStore -Connection $conn -VectorStoreId vs_1 -Query 'What is the return policy?' -Verbose");

        Assert.Empty(run.Errors);
        var results = run.Output.Select(o => (OpenAiVectorStoreSearchResult)o.BaseObject).ToList();
        Assert.Equal(new[] { "file_123", "file_456" }, results.Select(r => r.FileId));
        Assert.Equal(0.95, results[0].Score);
        Assert.Equal("Relevant chunk", results[0].Content!.Single().Text);
        var note = Assert.Single(run.Verbose, v => v.Contains("search_query"));
        Assert.Contains("is a string where the model expects a list", note);
        Assert.Contains("AdditionalProperties['search_query']", note);
    }
}
