import Pipelines

/// The explicit column types of a file extractor (`columns: [{name, type}]`), shared by the
/// csv, jsonl and json extractors and by other connectors' JSON sources.
public struct ColumnDeclarations: Sendable {
    var types: [String: DataType]
    var order: [String]

    /// The declarations of `config`'s `columns`, in their order.
    public init(config: ModuleConfig) throws {
        types = [:]
        order = []
        for (index, entry) in try config.objects("columns").enumerated() {
            guard let name = entry["name"]?.stringValue, let typeName = entry["type"]?.stringValue else {
                throw ModuleConfigError(key: "columns[\(index)]", message: "needs name and type")
            }
            guard let type = DataType(name: typeName) else {
                throw ModuleConfigError(key: "columns[\(index)].type", message: "\(typeName) is not a type (\(DataType.names.joined(separator: ", ")))")
            }
            types[name] = type
            order.append(name)
        }
    }

    /// Problems in `columns` the JSON Schema cannot see: unknown type names.
    public static func problems(_ config: ModuleConfig) -> [ModuleProblem] {
        (config["columns"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
            guard let name = entry["type"]?.stringValue, DataType(name: name) == nil else { return nil }
            return ModuleProblem(.invalidConfig, path: ".columns[\(index)].type", message: "\(name) is not a type (\(DataType.names.joined(separator: ", ")))")
        }
    }

    /// The declared column names, when the config declares columns.
    public static func names(_ config: ModuleConfig) -> [String]? {
        let names = (config["columns"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        return names.isEmpty ? nil : names
    }

    /// The `columns` schema property.
    public static let schemaProperty: JSONValue = [
        "type": "array", "title": "Columns",
        "description": "Column names and types (bool, int16, int32, int64, float32, float64, decimal(p,s), string, bytes, date, timestamp, timestamptz, uuid, json); types are inferred from the first rows when omitted",
        "items": [
            "type": "object", "required": ["name", "type"], "additionalProperties": false,
            "properties": ["name": ["type": "string"], "type": ["type": "string"]],
        ],
    ]
}
