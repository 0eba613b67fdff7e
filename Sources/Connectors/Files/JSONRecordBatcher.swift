import Pipelines

/// Turns JSON objects into batches. Columns are the declared ones, else every key seen in the
/// first rows, sorted by name (JSON objects carry no order). Types are declared or inferred:
/// booleans → bool, integers → int64, numbers → float64, strings → string, arrays and objects
/// → json, a mix → string. Keys first seen after the sample are ignored (and logged).
public struct JSONRecordBatcher {
    let declared: ColumnDeclarations
    private var sample: [[String: JSONValue]] = []
    private var schema: Schema?
    private var builders: [ColumnBuilder] = []
    private var ignoredKeys: Set<String> = []
    /// The records added so far that became rows.
    public private(set) var rows: Int64 = 0

    /// A batcher with the `declared` columns (none: every key of the first rows, types inferred).
    public init(declared: ColumnDeclarations) { self.declared = declared }

    /// Adds one record; returns a batch when one is full.
    public mutating func add(_ record: JSONValue, context: NodeContext) throws -> RecordBatch? {
        guard case .object(let object) = record else {
            try context.reject(row: ["record": Value(json: record)], reason: "a record must be a JSON object")
            return nil
        }
        guard schema != nil else {
            sample.append(object)
            if sample.count >= CSVExtractor.inferenceRows { try start(context: context) }
            return nil
        }
        try append(object, context: context)
        return builders[0].count >= RecordBatch.preferredRowCount ? take() : nil
    }

    /// The last batch.
    public mutating func finish(context: NodeContext) throws -> RecordBatch? {
        if schema == nil, !sample.isEmpty { try start(context: context) }
        if !ignoredKeys.isEmpty {
            context.log(.warning, "Ignored keys absent from the first rows: \(ignoredKeys.sorted().joined(separator: ", "))")
        }
        return take()
    }

    private mutating func start(context: NodeContext) throws {
        let names = declared.order.isEmpty ? Set(sample.flatMap(\.keys)).sorted() : declared.order
        let fields = names.map { name in Field(name: name, type: declared.types[name] ?? Self.infer(sample.compactMap { $0[name] })) }
        schema = Schema(fields)
        builders = fields.map { ColumnBuilder(type: $0.type, capacity: RecordBatch.preferredRowCount) }
        for object in sample { try append(object, context: context) }
        sample = []
    }

    private mutating func append(_ object: [String: JSONValue], context: NodeContext) throws {
        let fields = schema!.fields
        for (index, field) in fields.enumerated() {
            do {
                try builders[index].append(Value(json: object[field.name] ?? .null))
            } catch {
                for previous in 0..<index { builders[previous].removeLast() }
                try context.reject(row: object.mapValues(Value.init(json:)), reason: "\(field.name): \(error)")
                return
            }
        }
        if declared.order.isEmpty, object.count > fields.count || object.keys.contains(where: { schema!.index(of: $0) == nil }) {
            ignoredKeys.formUnion(object.keys.filter { schema!.index(of: $0) == nil })
        }
        rows += 1
    }

    private mutating func take() -> RecordBatch? {
        guard let schema, !builders.isEmpty, builders[0].count > 0 else { return nil }
        return RecordBatch(schema: schema, columns: builders.indices.map { builders[$0].finish() })
    }

    static func infer(_ values: [JSONValue]) -> DataType {
        let kinds = Set(values.compactMap { value -> String? in
            switch value {
            case .null: nil
            case .bool: "bool"
            case .integer: "int"
            case .double: "float"
            case .string: "string"
            case .array, .object: "json"
            }
        })
        switch kinds {
        case ["bool"]: return .bool
        case ["int"]: return .int64
        case ["float"], ["int", "float"]: return .float64
        case ["json"]: return .json
        default: return .string
        }
    }
}
