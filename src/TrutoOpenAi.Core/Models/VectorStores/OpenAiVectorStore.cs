using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.VectorStores
{
    /// <summary>A vector store (<c>vector_store</c>): a searchable collection of processed files for the file_search tool.</summary>
    public sealed class OpenAiVectorStore : OpenAiObject
    {
        /// <summary>The vector store id (vs_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped vector stores bind to -VectorStoreId parameters.</summary>
        [JsonIgnore]
        public string VectorStoreId => Id;

        public string? Name { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>The bytes the store's processed files use.</summary>
        public long UsageBytes { get; set; }

        public OpenAiVectorStoreFileCounts? FileCounts { get; set; }

        /// <summary><c>expired</c>, <c>in_progress</c> (files still processing) or <c>completed</c>.</summary>
        public string? Status { get; set; }

        public OpenAiVectorStoreExpiresAfter? ExpiresAfter { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? LastActiveAt { get; set; }

        /// <summary>Up to 16 key/value pairs.</summary>
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>How many files of a vector store are in each state.</summary>
    public sealed class OpenAiVectorStoreFileCounts
    {
        public int InProgress { get; set; }
        public int Completed { get; set; }
        public int Failed { get; set; }
        public int Cancelled { get; set; }
        public int Total { get; set; }

        public override string ToString() => $"{Completed}/{Total}";
    }

    /// <summary>The expiration policy of a vector store: <c>days</c> after the <c>last_active_at</c> anchor.</summary>
    public sealed class OpenAiVectorStoreExpiresAfter
    {
        public string Anchor { get; set; } = "last_active_at";
        public int Days { get; set; }

        public override string ToString() => $"{Days} days after {Anchor}";
    }

    /// <summary>A file attached to a vector store (<c>vector_store.file</c>).</summary>
    public sealed class OpenAiVectorStoreFile : OpenAiObject
    {
        /// <summary>The file id (file-...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped vector store files bind to -FileId parameters.</summary>
        [JsonIgnore]
        public string FileId => Id;

        /// <summary>The vector store the file belongs to.</summary>
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The bytes the processed file uses in the store (0 until processed).</summary>
        public long UsageBytes { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary><c>in_progress</c>, <c>completed</c>, <c>cancelled</c> or <c>failed</c>.</summary>
        public string? Status { get; set; }

        /// <summary>Why processing failed, or null.</summary>
        public JsonElement? LastError { get; set; }

        /// <summary>How the file was chunked.</summary>
        public JsonElement? ChunkingStrategy { get; set; }

        /// <summary>Up to 16 attributes (strings, numbers, booleans) for filtering searches.</summary>
        public Dictionary<string, JsonElement>? Attributes { get; set; }

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>A batch of files added to a vector store together (<c>vector_store.files_batch</c>).</summary>
    public sealed class OpenAiVectorStoreFileBatch : OpenAiObject
    {
        /// <summary>The batch id (vsfb_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped batches bind to -BatchId parameters.</summary>
        [JsonIgnore]
        public string BatchId => Id;

        /// <summary>The vector store the files are added to.</summary>
        public string VectorStoreId { get; set; } = string.Empty;

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary><c>in_progress</c>, <c>completed</c>, <c>cancelled</c> or <c>failed</c>.</summary>
        public string? Status { get; set; }

        public OpenAiVectorStoreFileCounts? FileCounts { get; set; }

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>One result of a vector store search.</summary>
    public sealed class OpenAiVectorStoreSearchResult : OpenAiObject
    {
        public string FileId { get; set; } = string.Empty;

        /// <summary>The vector store searched (set by the cmdlet, not the API).</summary>
        [JsonIgnore]
        public string? VectorStoreId { get; set; }

        public string? Filename { get; set; }

        /// <summary>The similarity score, 0 to 1.</summary>
        public double Score { get; set; }

        public Dictionary<string, JsonElement>? Attributes { get; set; }

        public List<OpenAiVectorStoreSearchContent>? Content { get; set; }

        /// <summary>The text of every content chunk, joined by new lines.</summary>
        [JsonIgnore]
        public string Text => Content is null ? string.Empty : string.Join("\n", Content.ConvertAll(c => c.Text ?? string.Empty));

        public override string ToString() => $"{Filename} ({Score})";
    }

    /// <summary>A chunk of a search result.</summary>
    public sealed class OpenAiVectorStoreSearchContent
    {
        public string? Type { get; set; }
        public string? Text { get; set; }

        public override string ToString() => Text ?? string.Empty;
    }

    /// <summary>One item of a vector store file's parsed content.</summary>
    public sealed class OpenAiVectorStoreFileContent
    {
        /// <summary>The vector store (set by the cmdlet, not the API).</summary>
        public string? VectorStoreId { get; set; }

        /// <summary>The file (set by the cmdlet, not the API).</summary>
        public string? FileId { get; set; }

        /// <summary>The content type: <c>text</c>.</summary>
        public string? Type { get; set; }

        public string? Text { get; set; }

        public override string ToString() => Text ?? string.Empty;
    }

    /// <summary>The page of parsed content the API answers (<c>vector_store.file_content.page</c>).</summary>
    public sealed class OpenAiVectorStoreFileContentPage : OpenAiObject
    {
        public List<OpenAiVectorStoreFileContent> Data { get; set; } = new List<OpenAiVectorStoreFileContent>();
        public bool HasMore { get; set; }
        public string? NextPage { get; set; }
    }

    /// <summary>The page a search answers (<c>vector_store.search_results.page</c>).</summary>
    public sealed class OpenAiVectorStoreSearchPage : OpenAiObject
    {
        public List<string>? SearchQuery { get; set; }
        public List<OpenAiVectorStoreSearchResult> Data { get; set; } = new List<OpenAiVectorStoreSearchResult>();
        public bool HasMore { get; set; }
        public string? NextPage { get; set; }
    }
}
