using System.Text;

namespace TrutoOpenAi.Core.Tests.Support;

/// <summary>
/// A response body that hands out exactly the chunks it was given, one per read (so frames, lines and UTF-8
/// sequences can be split anywhere), then ends, fails, or waits until it is disposed.
/// </summary>
public sealed class ScriptedStream : Stream
{
    public enum Ending { EndOfBody, ConnectionDrop, WaitForDispose }

    private readonly Queue<byte[]> _chunks;
    private readonly Ending _ending;
    private readonly TaskCompletionSource<int> _disposedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedStream(IEnumerable<byte[]> chunks, Ending ending = Ending.EndOfBody)
    {
        _chunks = new Queue<byte[]>(chunks);
        _ending = ending;
    }

    public static ScriptedStream FromText(string text, Ending ending = Ending.EndOfBody) =>
        new(text.Length == 0 ? Array.Empty<byte[]>() : new[] { Encoding.UTF8.GetBytes(text) }, ending);

    /// <summary>Splits the UTF-8 bytes of <paramref name="text"/> into pieces of <paramref name="size"/> bytes.</summary>
    public static ScriptedStream Split(string text, int size, Ending ending = Ending.EndOfBody) =>
        new(Encoding.UTF8.GetBytes(text).Chunk(size), ending);

    public bool Disposed { get; private set; }

    /// <summary>Completes when the reader disposes the body (the connection closes).</summary>
    public Task WhenDisposed => _disposedSignal.Task;

    /// <summary>Completes when a read is pending with nothing left to hand out.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (Disposed) throw new ObjectDisposedException(nameof(ScriptedStream));
        if (_chunks.Count > 0)
        {
            var chunk = _chunks.Dequeue();
            if (chunk.Length > count) throw new InvalidOperationException("Chunk larger than the read buffer.");
            Array.Copy(chunk, 0, buffer, offset, chunk.Length);
            return chunk.Length;
        }
        switch (_ending)
        {
            case Ending.EndOfBody: return 0;
            case Ending.ConnectionDrop: throw new IOException("The remote host closed the connection.");
            default:
                Waiting.TrySetResult();
                await _disposedSignal.Task; // a socket read that ignores its token, as on .NET Framework
                throw new ObjectDisposedException(nameof(ScriptedStream));
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        _disposedSignal.TrySetResult(0);
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
