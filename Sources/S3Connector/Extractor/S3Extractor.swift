import Connectors
import Pipelines
import S3Client

/// Runs one `s3` extractor node: lists the selected keys, then streams each object through the
/// csv or jsonl parser. CSV objects are parsed one by one (each has its header); after the
/// first, the columns it typed are declared for the rest so that every batch has one schema.
/// JSON Lines objects are read as one stream, which gives the same.
struct S3Extractor: NodeOperator {
    enum Format: Sendable {
        case csv
        case jsonl
    }

    var access: S3Access
    var bucket: String
    var selection: KeySelection
    var format: Format
    var compression: ObjectCompression
    /// The node config, for the parser's options.
    var config: ModuleConfig

    func run(_ context: NodeContext) async throws {
        let client = try await access.client()
        let objects = try await client.listObjects(bucket: bucket, prefix: selection.listPrefix).filter { selection.matches($0.key) }
        let total = objects.reduce(0) { $0 + $1.size }
        context.log(
            .info, "Reading \(objects.count) object(s) from s3://\(bucket)/\(selection.listPrefix)",
            metadata: ["objects": .integer(Int64(objects.count)), "bytes": .integer(total)])
        guard !objects.isEmpty else {
            context.log(.warning, "No object matches in s3://\(bucket)/\(selection.listPrefix)")
            return
        }
        switch format {
        case .jsonl:
            let reader = S3ObjectReader(client: client, bucket: bucket, objects: objects, compression: compression, separateLines: true)
            try await JSONLinesExtractor(path: "s3://\(bucket)/\(selection.listPrefix)", config: config).read(reader, context: context)
        case .csv:
            var options = config
            var before: Int64 = 0
            for object in objects {
                let reader = S3ObjectReader(
                    client: client, bucket: bucket, objects: [object], compression: compression, separateLines: false, bytesBefore: before,
                    totalBytes: total)
                let schema = try await CSVExtractor(path: "s3://\(bucket)/\(object.key)", config: options).read(reader, context: context)
                if context.output.isClosed { return }
                before += object.size
                if options["columns"] == nil, let schema {
                    options.values["columns"] = .array(schema.fields.map { ["name": .string($0.name), "type": .string($0.type.description)] })
                }
            }
        }
        context.reportProgress(1)
    }
}
