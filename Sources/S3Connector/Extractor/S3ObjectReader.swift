import Connectors
import Pipelines
import S3Client

/// The bytes of one or more objects, one after the other, as a ``ByteChunkReader`` for the
/// CSV and JSON Lines parsers. Each object is streamed; a gzipped one (named `.gz`, or starting
/// with the gzip magic number under `compression: auto`) is inflated on the way. With
/// `separateLines`, an object not ending in a newline gets one, so concatenated JSON Lines
/// objects stay one record per line.
final class S3ObjectReader: ByteChunkReader {
    private(set) var buffer: [UInt8] = []
    private(set) var start = 0
    var end: Int { buffer.count }
    private let client: S3Client
    private let bucket: String
    private var objects: ArraySlice<S3ObjectSummary>
    private let compression: ObjectCompression
    private let separateLines: Bool
    private let totalBytes: Int64
    private var bytesRead: Int64
    private var body: S3ObjectBody.AsyncIterator?
    private var key = ""
    private var inflater: GzipInflater?
    private var firstChunk = true

    /// A reader of `objects`; progress counts `bytesBefore` already read out of `totalBytes`.
    init(
        client: S3Client, bucket: String, objects: [S3ObjectSummary], compression: ObjectCompression, separateLines: Bool,
        bytesBefore: Int64 = 0, totalBytes: Int64? = nil
    ) {
        self.client = client
        self.bucket = bucket
        self.objects = objects[...]
        self.compression = compression
        self.separateLines = separateLines
        bytesRead = bytesBefore
        self.totalBytes = totalBytes ?? objects.reduce(0) { $0 + $1.size }
    }

    func consume(_ count: Int) { start += count }

    var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }

    func fill() async throws -> Bool {
        if start > 0 {
            buffer.removeSubrange(..<start)
            start = 0
        }
        let before = buffer.count
        while buffer.count == before {
            if body == nil {
                guard let next = objects.popFirst() else { return false }
                key = next.key
                body = try await client.getObject(bucket: bucket, key: next.key).makeAsyncIterator()
                firstChunk = true
                inflater = compression == .gzip || (compression == .auto && next.key.hasSuffix(".gz")) ? try GzipInflater() : nil
            }
            guard let chunk = try await body?.next() else {
                try finishObject()
                continue
            }
            bytesRead += Int64(chunk.count)
            if firstChunk, compression == .auto, inflater == nil, GzipInflater.isGzip(chunk) { inflater = try GzipInflater() }
            firstChunk = false
            if let inflater {
                try inflater.decompress(chunk, into: &buffer, source: "s3://\(bucket)/\(key)")
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
        return true
    }

    private func finishObject() throws {
        body = nil
        if let inflater, !inflater.atMemberEnd { throw NodeFailure("s3://\(bucket)/\(key): the gzip data is truncated") }
        inflater = nil
        if separateLines, let last = buffer.last, last != 10 { buffer.append(10) }
    }
}

/// How the extractor decides whether an object is gzipped.
enum ObjectCompression: String, Sendable {
    /// By the `.gz` suffix or the gzip magic number.
    case auto
    case gzip
    case none
}
