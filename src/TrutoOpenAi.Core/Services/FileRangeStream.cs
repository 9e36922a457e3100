using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// A read-only view of <c>length</c> bytes of a file from <c>start</c>, read straight from disk (so an upload part is
    /// streamed, never buffered). Reports each read to a callback, for progress.
    /// </summary>
    public sealed class FileRangeStream : Stream
    {
        private readonly FileStream _file;
        private readonly long _start;
        private readonly long _length;
        private readonly Action<int>? _onRead;
        private long _position;

        public FileRangeStream(string path, long start, long length, Action<int>? onRead = null)
        {
            if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            _start = start;
            _length = length;
            _onRead = onRead;
            _file.Position = start;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var wanted = Wanted(count);
            if (wanted == 0) return 0;
            return Advance(_file.Read(buffer, offset, wanted));
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var wanted = Wanted(count);
            if (wanted == 0) return 0;
            return Advance(await _file.ReadAsync(buffer, offset, wanted, cancellationToken).ConfigureAwait(false));
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _length + offset,
            };
            if (target < 0 || target > _length) throw new ArgumentOutOfRangeException(nameof(offset));
            _file.Position = _start + target;
            _position = target;
            return target;
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _file.Dispose();
            base.Dispose(disposing);
        }

        private int Wanted(int count) => (int)Math.Min(count, _length - _position);

        private int Advance(int read)
        {
            if (read <= 0) throw new IOException($"The file ended {_length - _position} bytes before the end of the part: it changed while being uploaded.");
            _position += read;
            _onRead?.Invoke(read);
            return read;
        }
    }
}
