using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>One server-sent-events frame as framed on the wire (before any JSON is read).</summary>
    public sealed class SseFrame
    {
        public SseFrame(string? eventName, string data, string? id, int? retry, int number)
        {
            EventName = eventName;
            Data = data;
            Id = id;
            Retry = retry;
            Number = number;
        }

        /// <summary>The <c>event:</c> name, or null when the frame had none.</summary>
        public string? EventName { get; }

        /// <summary>The <c>data:</c> lines joined with LF.</summary>
        public string Data { get; }

        /// <summary>The last <c>id:</c> seen so far in the stream (SSE carries it over).</summary>
        public string? Id { get; }

        /// <summary>The last <c>retry:</c> (milliseconds) seen so far.</summary>
        public int? Retry { get; }

        /// <summary>1-based position of the frame in the stream, for error messages.</summary>
        public int Number { get; }
    }

    /// <summary>
    /// An incremental server-sent-events parser (the WHATWG event-stream rules): bytes in, frames out.
    /// Lines end with CRLF, LF or CR (a CRLF split across two reads counts once); <c>data:</c> lines of one frame are
    /// joined with LF; lines starting with <c>:</c> are comments; <c>id:</c> and <c>retry:</c> are remembered; unknown
    /// fields are ignored. Lines are decoded only when complete, so a UTF-8 sequence split across reads is never
    /// broken; invalid UTF-8 or a line longer than <see cref="MaxLineBytes"/> raises <see cref="OpenAiStreamException"/>.
    /// </summary>
    public sealed class SseParser
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly MemoryStream _line = new MemoryStream();
        private readonly StringBuilder _data = new StringBuilder();
        private bool _hasData;
        private bool _afterCarriageReturn;
        private bool _atStart = true;
        private string? _eventName;
        private string? _lastId;
        private int? _retry;
        private int _frames;
        private long _lineNumber;

        /// <summary>The longest line accepted (default 16 MiB): a stream that never ends a line is malformed, not a memory leak.</summary>
        public int MaxLineBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Comment lines seen (keep-alives such as <c>: ping</c>).</summary>
        public int Comments { get; private set; }

        /// <summary>True when bytes or fields of an unfinished frame are pending (the stream stopped mid-frame).</summary>
        public bool HasPartialFrame => _line.Length > 0 || _hasData || _eventName != null;

        /// <summary>Parses <paramref name="count"/> bytes and appends every frame they complete to <paramref name="frames"/>.</summary>
        public void Feed(byte[] buffer, int offset, int count, ICollection<SseFrame> frames)
        {
            for (var i = offset; i < offset + count; i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                {
                    if (_afterCarriageReturn)
                    {
                        _afterCarriageReturn = false; // the LF of a CRLF
                        continue;
                    }
                    EndLine(frames);
                }
                else if (b == (byte)'\r')
                {
                    _afterCarriageReturn = true;
                    EndLine(frames);
                }
                else
                {
                    _afterCarriageReturn = false;
                    if (_line.Length >= MaxLineBytes)
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed,
                            $"line {_lineNumber + 1} of the event stream is longer than {MaxLineBytes} bytes without a line end");
                    _line.WriteByte(b);
                }
            }
        }

        private void EndLine(ICollection<SseFrame> frames)
        {
            _lineNumber++;
            var length = (int)_line.Length;
            var start = 0;
            var bytes = _line.GetBuffer();
            if (_atStart)
            {
                _atStart = false;
                if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) start = 3; // BOM
            }
            string line;
            try
            {
                line = StrictUtf8.GetString(bytes, start, length - start);
            }
            catch (DecoderFallbackException)
            {
                throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"line {_lineNumber} of the event stream is not valid UTF-8");
            }
            finally
            {
                _line.SetLength(0);
            }

            if (line.Length == 0)
            {
                Dispatch(frames);
                return;
            }
            if (line[0] == ':')
            {
                Comments++;
                return;
            }
            var colon = line.IndexOf(':');
            string field, value;
            if (colon < 0)
            {
                field = line;
                value = string.Empty;
            }
            else
            {
                field = line.Substring(0, colon);
                value = colon + 1 < line.Length && line[colon + 1] == ' ' ? line.Substring(colon + 2) : line.Substring(colon + 1);
            }
            switch (field)
            {
                case "data":
                    if (_hasData) _data.Append('\n');
                    _data.Append(value);
                    _hasData = true;
                    break;
                case "event":
                    _eventName = value;
                    break;
                case "id":
                    if (value.IndexOf('\0') < 0) _lastId = value;
                    break;
                case "retry":
                    if (value.Length > 0 && value.Length < 10 && IsDigits(value))
                        _retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    break; // unknown fields are ignored, as the standard says
            }
        }

        private void Dispatch(ICollection<SseFrame> frames)
        {
            if (!_hasData)
            {
                _eventName = null; // an event name with no data dispatches nothing
                return;
            }
            _frames++;
            frames.Add(new SseFrame(_eventName, _data.ToString(), _lastId, _retry, _frames));
            _data.Clear();
            _hasData = false;
            _eventName = null;
        }

        private static bool IsDigits(string value)
        {
            foreach (var c in value)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }
}
