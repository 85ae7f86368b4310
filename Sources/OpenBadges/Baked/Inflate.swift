internal import CLibZ

/// DEFLATE decompression (RFC 1951) inside zlib (RFC 1950) or gzip (RFC 1952) wrappers, by
/// zlib itself, with a hard cap on the output so that a zip bomb stops after `limit` bytes.
/// The inputs are untrusted (baked PNG text chunks, status lists): zlib is the decoder every
/// platform fuzzes and patches, where a hand-written one would be ours alone to keep safe.
public enum Inflate {
    /// Why a compressed stream could not be inflated.
    public enum Failure: Error, Sendable, Equatable {
        /// The stream is not valid (bad header, bad code, bad checksum, truncated).
        case corrupt(String)
        /// The stream inflates to more than the limit.
        case tooLarge(limit: Int)
    }

    /// Inflates a zlib stream; zlib checks its header and Adler-32.
    public static func zlib(_ bytes: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        try inflate(bytes, windowBits: MAX_WBITS, format: "zlib", limit: limit)
    }

    /// Inflates a gzip member; zlib checks its header, CRC-32 and length.
    public static func gzip(_ bytes: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        // zlib reads a gzip wrapper when 16 is added to the window bits.
        try inflate(bytes, windowBits: MAX_WBITS + 16, format: "gzip", limit: limit)
    }

    /// Output is produced a chunk at a time, so that the limit is checked before it is exceeded
    /// by more than one chunk's worth of memory.
    private static let chunkSize = 64 * 1024

    private static func inflate(_ bytes: ArraySlice<UInt8>, windowBits: Int32, format: String,
                                limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start inflating a \(format) stream")
        }
        defer { inflateEnd(&stream) }
        var input = Array(bytes)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let ended: Result<Void, Failure> = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    return CLibZ.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                guard output.count + produced <= limit else { return .failure(.tooLarge(limit: limit)) }
                output += chunk[..<produced]
                switch status {
                case Z_STREAM_END:
                    return .success(())
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress was possible: the input ended before the stream did.
                    return .failure(.corrupt("the \(format) stream is truncated"))
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(.corrupt("the \(format) stream is corrupt (\(message))"))
                }
            }
        }
        try ended.get()
        return output
    }
}
