using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The vector store operations: stores (list, retrieve, create, modify, delete), their files, and search (API key).</summary>
    public sealed class VectorStoreService
    {
        private readonly OpenAiClient _client;

        public VectorStoreService(OpenAiClient client) => _client = client;

        /// <summary>Lists vector stores, newest first unless <paramref name="order"/> is <c>asc</c>; limit 1-100 (API default 20).</summary>
        public ListPager<OpenAiVectorStore> List(int? limit, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "vector_stores").WithQuery("limit", limit).WithQuery("order", order);
            return new ListPager<OpenAiVectorStore>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiVectorStore>);
        }

        public Task<OpenAiVectorStore> GetAsync(string vectorStoreId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStore>(new OpenAiRequest(HttpMethod.Get, StorePath(vectorStoreId)), observer, cancellationToken);

        public Task<OpenAiVectorStore> CreateAsync(VectorStoreCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStore>(new OpenAiRequest(HttpMethod.Post, "vector_stores").WithJsonBody(body), observer, cancellationToken);

        public Task<OpenAiVectorStore> UpdateAsync(string vectorStoreId, VectorStoreUpdateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStore>(new OpenAiRequest(HttpMethod.Post, StorePath(vectorStoreId)).WithJsonBody(body), observer, cancellationToken);

        public Task<OpenAiPlatformDeletion> DeleteAsync(string vectorStoreId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, StorePath(vectorStoreId)), observer, cancellationToken);

        /// <summary>Lists a vector store's files; <paramref name="filter"/> is a status (in_progress, completed, failed, cancelled).</summary>
        public ListPager<OpenAiVectorStoreFile> ListFiles(string vectorStoreId, int? limit, string? filter, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("vector_stores/{vector_store_id}/files", ("vector_store_id", vectorStoreId)))
                .WithQuery("limit", limit).WithQuery("filter", filter).WithQuery("order", order);
            return new ListPager<OpenAiVectorStoreFile>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiVectorStoreFile>);
        }

        public Task<OpenAiVectorStoreFile> GetFileAsync(string vectorStoreId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFile>(new OpenAiRequest(HttpMethod.Get, FilePath(vectorStoreId, fileId)), observer, cancellationToken);

        public Task<OpenAiVectorStoreFile> AddFileAsync(string vectorStoreId, VectorStoreFileCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFile>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("vector_stores/{vector_store_id}/files", ("vector_store_id", vectorStoreId))).WithJsonBody(body),
                observer, cancellationToken);

        /// <summary>The parsed content of a file in the store: one page (the API offers no request parameter to continue).</summary>
        public Task<OpenAiVectorStoreFileContentPage> GetFileContentAsync(string vectorStoreId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFileContentPage>(new OpenAiRequest(HttpMethod.Get, FilePath(vectorStoreId, fileId) + "/content"), observer, cancellationToken);

        /// <summary>Detaches a file from the vector store (the file itself stays).</summary>
        public Task<OpenAiPlatformDeletion> RemoveFileAsync(string vectorStoreId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, FilePath(vectorStoreId, fileId)), observer, cancellationToken);

        public Task<OpenAiVectorStoreFileBatch> CreateFileBatchAsync(string vectorStoreId, VectorStoreFileBatchCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFileBatch>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("vector_stores/{vector_store_id}/file_batches", ("vector_store_id", vectorStoreId))).WithJsonBody(body),
                observer, cancellationToken);

        public Task<OpenAiVectorStoreFileBatch> GetFileBatchAsync(string vectorStoreId, string batchId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFileBatch>(new OpenAiRequest(HttpMethod.Get, BatchPath(vectorStoreId, batchId, string.Empty)), observer, cancellationToken);

        /// <summary>Cancels a file batch: its files still processing are cancelled.</summary>
        public Task<OpenAiVectorStoreFileBatch> CancelFileBatchAsync(string vectorStoreId, string batchId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreFileBatch>(new OpenAiRequest(HttpMethod.Post, BatchPath(vectorStoreId, batchId, "/cancel")), observer, cancellationToken);

        /// <summary>Lists the files of a file batch; <paramref name="filter"/> is a status.</summary>
        public ListPager<OpenAiVectorStoreFile> ListFileBatchFiles(string vectorStoreId, string batchId, int? limit, string? filter)
        {
            var request = new OpenAiRequest(HttpMethod.Get, BatchPath(vectorStoreId, batchId, "/files")).WithQuery("limit", limit).WithQuery("filter", filter);
            return new ListPager<OpenAiVectorStoreFile>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiVectorStoreFile>);
        }

        /// <summary>Searches the vector store: one page (the API offers no request parameter to continue).</summary>
        public Task<OpenAiVectorStoreSearchPage> SearchAsync(string vectorStoreId, VectorStoreSearchRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiVectorStoreSearchPage>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("vector_stores/{vector_store_id}/search", ("vector_store_id", vectorStoreId))).WithJsonBody(body),
                observer, cancellationToken);

        private static string StorePath(string vectorStoreId) => OpenAiPath.Format("vector_stores/{vector_store_id}", ("vector_store_id", vectorStoreId));

        private static string BatchPath(string vectorStoreId, string batchId, string suffix) =>
            OpenAiPath.Format("vector_stores/{vector_store_id}/file_batches/{batch_id}" + suffix, ("vector_store_id", vectorStoreId), ("batch_id", batchId));

        private static string FilePath(string vectorStoreId, string fileId) =>
            OpenAiPath.Format("vector_stores/{vector_store_id}/files/{file_id}", ("vector_store_id", vectorStoreId), ("file_id", fileId));
    }

    /// <summary>The <c>expires_after</c> object of create/modify.</summary>
    public sealed class VectorStoreExpiresAfterBody
    {
        public string Anchor { get; set; } = "last_active_at";
        public int Days { get; set; }
    }

    /// <summary>Body of create-vector-store.</summary>
    public sealed class VectorStoreCreateRequest
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string>? FileIds { get; set; }
        public VectorStoreExpiresAfterBody? ExpiresAfter { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }
    }

    /// <summary>Body of modify-vector-store (absent fields unchanged).</summary>
    public sealed class VectorStoreUpdateRequest
    {
        public string? Name { get; set; }
        public VectorStoreExpiresAfterBody? ExpiresAfter { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }
    }

    /// <summary>Body of create-vector-store-file.</summary>
    public sealed class VectorStoreFileCreateRequest
    {
        public string FileId { get; set; } = string.Empty;
        public Dictionary<string, object>? Attributes { get; set; }
    }

    /// <summary>Body of create-file-batch (the <c>file_ids</c> form).</summary>
    public sealed class VectorStoreFileBatchCreateRequest
    {
        public List<string> FileIds { get; set; } = new List<string>();
        public Dictionary<string, object>? Attributes { get; set; }
    }

    /// <summary>Body of search.</summary>
    public sealed class VectorStoreSearchRequest
    {
        public List<string> Query { get; set; } = new List<string>();
        public int? MaxNumResults { get; set; }
        public bool? RewriteQuery { get; set; }
    }
}
