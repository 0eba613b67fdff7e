import Connectors
import Parquet
import Pipelines

/// What the `s3` loader writes: the format with its options, and whether csv/jsonl is gzipped.
struct ObjectFormat: Sendable {
    enum Kind: Sendable {
        case csv(CSVWriter, header: Bool)
        case jsonl
        case parquet(ParquetWriterOptions)
    }

    var kind: Kind
    /// gzip around csv or jsonl (Parquet compresses its pages itself).
    var gzip: Bool

    /// The format `config` asks for: `format`, `compression`, and the csv or Parquet options.
    init(config: ModuleConfig) throws {
        let compression = try config.string("compression")
        switch try config.string("format") ?? "parquet" {
        case "parquet":
            var parquet = config
            if compression == nil { parquet.values["compression"] = "snappy" }
            kind = .parquet(try ParquetWriterOptions(config: parquet))
            gzip = false
        case let text where text == "csv" || text == "jsonl":
            guard compression == nil || compression == "none" || compression == "gzip" else {
                throw ModuleConfigError(key: "compression", message: "must be gzip or none for \(text)")
            }
            kind = text == "csv" ? .csv(try CSVWriter(config: config), header: config["header"] != .bool(false)) : .jsonl
            gzip = compression == "gzip"
        case let other:
            throw ModuleConfigError(key: "format", message: "must be csv, jsonl or parquet, not \(other)")
        }
    }

    /// The object name's extension: `.parquet`, `.csv`, `.csv.gz`, `.jsonl`, `.jsonl.gz`.
    var fileExtension: String {
        let base: String
        switch kind {
        case .csv: base = ".csv"
        case .jsonl: base = ".jsonl"
        case .parquet: return ".parquet"
        }
        return gzip ? base + ".gz" : base
    }

    /// The objects' Content-Type.
    var contentType: String {
        if gzip { return "application/gzip" }
        switch kind {
        case .csv: return "text/csv"
        case .jsonl: return "application/x-ndjson"
        case .parquet: return "application/vnd.apache.parquet"
        }
    }

    /// A fresh encoder for one object.
    func makeEncoder() -> any ObjectEncoder {
        switch kind {
        case .csv(let writer, let header): CSVObjectEncoder(writer: writer, header: header)
        case .jsonl: JSONLinesObjectEncoder()
        case .parquet(let options): ParquetObjectEncoder(options: options)
        }
    }
}
