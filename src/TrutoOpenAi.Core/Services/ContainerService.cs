using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The container operations: containers (list, retrieve, create, delete) and their files (API key).</summary>
    public sealed class ContainerService
    {
        private readonly OpenAiClient _client;

        public ContainerService(OpenAiClient client) => _client = client;

        /// <summary>Lists containers, newest first unless <paramref name="order"/> is <c>asc</c>; <paramref name="name"/> filters by exact name.</summary>
        public ListPager<OpenAiContainer> List(int? limit, string? order, string? name)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "containers").WithQuery("limit", limit).WithQuery("order", order).WithQuery("name", name);
            return new ListPager<OpenAiContainer>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiContainer>);
        }

        public Task<OpenAiContainer> GetAsync(string containerId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiContainer>(new OpenAiRequest(HttpMethod.Get, ContainerPath(containerId)), observer, cancellationToken);

        public Task<OpenAiContainer> CreateAsync(ContainerCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiContainer>(new OpenAiRequest(HttpMethod.Post, "containers").WithJsonBody(body), observer, cancellationToken);

        public Task<OpenAiPlatformDeletion> DeleteAsync(string containerId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, ContainerPath(containerId)), observer, cancellationToken);

        public ListPager<OpenAiContainerFile> ListFiles(string containerId, int? limit, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, ContainerPath(containerId) + "/files").WithQuery("limit", limit).WithQuery("order", order);
            return new ListPager<OpenAiContainerFile>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiContainerFile>);
        }

        public Task<OpenAiContainerFile> GetFileAsync(string containerId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiContainerFile>(new OpenAiRequest(HttpMethod.Get, FilePath(containerId, fileId)), observer, cancellationToken);

        /// <summary>Copies an uploaded file (file-...) into the container.</summary>
        public Task<OpenAiContainerFile> AddFileAsync(string containerId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiContainerFile>(
                new OpenAiRequest(HttpMethod.Post, ContainerPath(containerId) + "/files").WithJsonBody(new { file_id = fileId }),
                observer, cancellationToken);

        /// <summary>Uploads a local file into the container as multipart <c>file</c>, streamed from disk (opened afresh per attempt).</summary>
        public Task<OpenAiContainerFile> UploadFileAsync(string containerId, string localPath, string? fileName, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (!File.Exists(localPath)) throw new OpenAiValidationException("Path", $"The file '{localPath}' does not exist.");
            var name = string.IsNullOrEmpty(fileName) ? Path.GetFileName(localPath) : fileName!;
            var request = new OpenAiRequest(HttpMethod.Post, ContainerPath(containerId) + "/files")
            {
                ContentFactory = () =>
                {
                    var form = new MultipartFormDataContent();
                    var file = new StreamContent(new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), 81920);
                    file.Headers.ContentType = new MediaTypeHeaderValue(UploadService.GuessMimeType(name));
                    form.Add(file, "file", name);
                    return form;
                },
                BodySummary = "multipart {file}",
            };
            return _client.SendAsync<OpenAiContainerFile>(request, observer, cancellationToken);
        }

        public Task<OpenAiPlatformDeletion> RemoveFileAsync(string containerId, string fileId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, FilePath(containerId, fileId)), observer, cancellationToken);

        /// <summary>Streams a container file's content into <paramref name="destination"/>; returns the number of bytes.</summary>
        public Task<long> DownloadFileContentAsync(string containerId, string fileId, Stream destination, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.DownloadAsync(new OpenAiRequest(HttpMethod.Get, FilePath(containerId, fileId) + "/content"), destination, observer, cancellationToken);

        private static string ContainerPath(string containerId) => OpenAiPath.Format("containers/{container_id}", ("container_id", containerId));

        private static string FilePath(string containerId, string fileId) =>
            OpenAiPath.Format("containers/{container_id}/files/{file_id}", ("container_id", containerId), ("file_id", fileId));
    }
}
