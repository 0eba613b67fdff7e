import Pipelines

/// `aggregate`: groups rows by `group_by` and computes count, count_distinct, sum, avg, min and
/// max. Groups come out in order of first appearance; state grows with the number of groups.
struct AggregateModule: PipelineModule {
    static let functions = ["count", "count_distinct", "sum", "avg", "min", "max"]

    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "aggregate", displayName: "Aggregate", description: "Group rows and compute aggregates",
        icon: "sigma", color: "#EC4899",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["aggregations"],
            "properties": [
                "group_by": ["type": "array", "items": ["type": "string"], "title": "Group by"],
                "aggregations": [
                    "type": "array", "minItems": 1,
                    "items": [
                        "type": "object", "required": ["function"], "additionalProperties": false,
                        "properties": [
                            "function": ["type": "string", "enum": .array(functions.map(JSONValue.string))],
                            "column": ["type": "string", "description": "Omit for count of rows"],
                            "as": ["type": "string", "description": "Output column name; default function_column"],
                        ],
                    ],
                ],
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ConfigProblems(columns: inputs.first ?? nil)
        let groupBy = config.names("group_by")
        problems.requireColumns(groupBy, at: ".group_by")
        let aggregations = (try? config.objects("aggregations")) ?? []
        for (index, aggregation) in aggregations.enumerated() {
            if let column = aggregation["column"]?.stringValue {
                problems.requireColumn(column, at: ".aggregations[\(index)].column")
            } else if aggregation["function"]?.stringValue != "count" {
                problems.add(ModuleProblem(.invalidConfig, path: ".aggregations[\(index)]", message: "\(aggregation["function"]?.stringValue ?? "") needs a column"))
            }
        }
        return ModuleAnalysis(outputColumns: groupBy + aggregations.map(Aggregation.init).map(\.name), problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        AggregateOperator(groupBy: try config.strings("group_by"), aggregations: try config.objects("aggregations").map(Aggregation.init))
    }
}

/// One aggregate column.
struct Aggregation: Sendable {
    var function: String
    var column: String?
    var name: String

    init(_ object: [String: JSONValue]) {
        let function = object["function"]?.stringValue ?? "count"
        let column = object["column"]?.stringValue
        self.function = function
        self.column = column
        name = object["as"]?.stringValue ?? (column.map { "\(function)_\($0)" } ?? function)
    }

    /// The output type given the input column's type.
    func type(input: DataType?) -> DataType {
        switch function {
        case "count", "count_distinct": .int64
        case "avg": .float64
        case "sum":
            switch input {
            case .decimal(_, let scale)?: .decimal(precision: 38, scale: scale)
            case .float32?, .float64?: .float64
            default: .int64
            }
        default: input ?? .string
        }
    }
}

/// The running state of one aggregate for one group.
struct Accumulator {
    var count: Int64 = 0
    var distinct: Set<Value> = []
    var sum: Value = .null
    var extreme: Value = .null
    var doubleSum = 0.0

    mutating func add(_ value: Value, function: String) throws {
        if function == "count", value.isNull == false { count += 1 }
        guard !value.isNull else { return }
        switch function {
        case "count_distinct": distinct.insert(value)
        case "sum", "avg":
            count += 1
            doubleSum += value.doubleValue ?? 0
            if function == "sum" {
                sum = sum.isNull ? value : (try? ExpressionArithmetic.add(sum, value)) ?? .float(doubleSum)
            }
        case "min": if extreme.isNull || Value.compare(value, extreme) < 0 { extreme = value }
        case "max": if extreme.isNull || Value.compare(value, extreme) > 0 { extreme = value }
        default: break
        }
    }

    func result(_ function: String) -> Value {
        switch function {
        case "count": .int(count)
        case "count_distinct": .int(Int64(distinct.count))
        case "sum": sum
        case "avg": count == 0 ? .null : .float(doubleSum / Double(count))
        default: extreme
        }
    }
}

/// Exact addition of two cells, as the expression language's `+`.
enum ExpressionArithmetic {
    static func add(_ a: Value, _ b: Value) throws -> Value {
        let expression = Expression.binary(.add, .literal(a), .literal(b))
        return try expression.bind(to: RecordBatch(empty: Schema([])), parameters: [:])(0)
    }
}

struct AggregateOperator: NodeOperator {
    var groupBy: [String]
    var aggregations: [Aggregation]

    func run(_ context: NodeContext) async throws {
        var groups: [[Value]: Int] = [:]
        var keys: [[Value]] = []
        var states: [[Accumulator]] = []
        var inputSchema: Schema?
        while let batch = try await context.inputs[0].next() {
            inputSchema = inputSchema ?? batch.schema
            let keyReaders = try groupBy.map { batch.columns[try batch.requireColumn($0)].reader() }
            let valueReaders = try aggregations.map { aggregation in
                try aggregation.column.map { batch.columns[try batch.requireColumn($0)].reader() }
            }
            for row in 0..<batch.rowCount {
                let key = keyReaders.map { $0(row) }
                let group: Int
                if let existing = groups[key] {
                    group = existing
                } else {
                    group = keys.count
                    groups[key] = group
                    keys.append(key)
                    states.append(Array(repeating: Accumulator(), count: aggregations.count))
                }
                for (index, aggregation) in aggregations.enumerated() {
                    try states[group][index].add(valueReaders[index]?(row) ?? .bool(true), function: aggregation.function)
                }
            }
        }
        guard let inputSchema else { return }
        let fields =
            groupBy.map { Field(name: $0, type: inputSchema.fields[inputSchema.index(of: $0)!].type) }
            + aggregations.map { aggregation in
                Field(name: aggregation.name, type: aggregation.type(input: aggregation.column.flatMap { inputSchema.index(of: $0) }.map { inputSchema.fields[$0].type }))
            }
        let rows = keys.indices.map { group in keys[group] + aggregations.indices.map { states[group][$0].result(aggregations[$0].function) } }
        for start in stride(from: 0, to: rows.count, by: RecordBatch.preferredRowCount) {
            do {
                try await context.output.emit(try RecordBatch(schema: Schema(fields), rows: Array(rows[start..<min(rows.count, start + RecordBatch.preferredRowCount)])))
            } catch let error as ValueConversionError {
                throw NodeFailure("aggregate result: \(error)")
            }
        }
        context.log(.info, "Aggregated into \(keys.count) group(s)", metadata: ["groups": .integer(Int64(keys.count))])
    }
}
