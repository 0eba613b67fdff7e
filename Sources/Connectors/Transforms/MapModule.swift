import Pipelines

/// `map`: derives columns with expressions, casts, renames and selects — in that order, so
/// `derive` and `cast` use input names and `select` uses the final names.
struct MapModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "map", displayName: "Map", description: "Select, rename, cast and derive columns",
        icon: "shuffle", color: "#8B5CF6",
        schema: [
            "type": "object", "additionalProperties": false,
            "properties": [
                "derive": [
                    "type": "array", "title": "Derived columns",
                    "items": [
                        "type": "object", "required": ["column", "expression"], "additionalProperties": false,
                        "properties": [
                            "column": ["type": "string"], "expression": ["type": "string", "format": "code"],
                            "type": ["type": "string", "description": "Result type; inferred when omitted"],
                        ],
                    ],
                ],
                "cast": ["type": "object", "title": "Cast", "description": "column → type", "additionalProperties": ["type": "string"]],
                "rename": ["type": "object", "title": "Rename", "description": "old name → new name", "additionalProperties": ["type": "string"]],
                "select": ["type": "array", "title": "Select", "description": "Columns to keep, in order (final names)", "items": ["type": "string"]],
                "on_error": OnErrorPolicy.schemaProperty,
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var columns = inputs.first ?? nil
        var problems = ConfigProblems(columns: columns)
        for (index, derive) in ((try? config.objects("derive")) ?? []).enumerated() {
            if let text = derive["expression"]?.stringValue { problems.expression(text, at: ".derive[\(index)].expression") }
            if let type = derive["type"]?.stringValue, DataType(name: type) == nil {
                problems.add(ModuleProblem(.invalidConfig, path: ".derive[\(index)].type", message: "\(type) is not a type"))
            }
            if let name = derive["column"]?.stringValue, columns?.contains(name) == false { columns?.append(name) }
        }
        problems.columns = columns
        for (name, type) in ((try? config.stringMap("cast")) ?? [:]).sorted(by: { $0.key < $1.key }) {
            problems.requireColumn(name, at: ".cast.\(name)")
            if DataType(name: type) == nil { problems.add(ModuleProblem(.invalidConfig, path: ".cast.\(name)", message: "\(type) is not a type")) }
        }
        let renames = (try? config.stringMap("rename")) ?? [:]
        for name in renames.keys.sorted() { problems.requireColumn(name, at: ".rename.\(name)") }
        columns = columns?.map { renames[$0] ?? $0 }
        problems.columns = columns
        let select = config.names("select")
        problems.requireColumns(select, at: ".select")
        return ModuleAnalysis(outputColumns: select.isEmpty ? columns : select, problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let derive = try config.objects("derive").map { entry in
            let text = entry["expression"]?.stringValue ?? ""
            do {
                return MapTransform.Derivation(
                    column: entry["column"]?.stringValue ?? "", expression: try Expression(parsing: text),
                    type: entry["type"]?.stringValue.flatMap(DataType.init(name:)))
            } catch {
                throw NodeFailure("expression \"\(text)\": \(error)")
            }
        }
        var casts: [(String, DataType)] = []
        for (name, typeName) in try config.stringMap("cast").sorted(by: { $0.key < $1.key }) {
            guard let type = DataType(name: typeName) else { throw ModuleConfigError(key: "cast.\(name)", message: "\(typeName) is not a type") }
            casts.append((name, type))
        }
        return StreamingOperator(MapTransform(derive: derive, casts: casts, renames: try config.stringMap("rename"), select: try config.strings("select")))
    }
}

/// Applies a map to each batch. A row whose expression or cast fails is handed to `on_error`.
struct MapTransform: StreamingTransform {
    struct Derivation: Sendable {
        var column: String
        var expression: Expression
        var type: DataType?
    }

    var derive: [Derivation]
    var casts: [(String, DataType)]
    var renames: [String: String]
    var select: [String]

    mutating func transform(_ batch: RecordBatch, context: NodeContext) throws -> RecordBatch? {
        var fields = batch.schema.fields
        var columns = batch.columns
        var failures: [Int: String] = [:]
        func put(_ field: Field, _ column: Column) {
            if let index = fields.firstIndex(where: { $0.name == field.name }) {
                fields[index] = field
                columns[index] = column
            } else {
                fields.append(field)
                columns.append(column)
            }
        }
        let parameters = context.parameterValues
        for derivation in derive {
            let current = RecordBatch(schema: Schema(fields), columns: columns)
            let evaluate = try bind(derivation.expression, current, context)
            let types = Dictionary(fields.map { ($0.name, $0.type) }) { first, _ in first }
            let type = derivation.type ?? derivation.expression.resultType(columns: types, parameters: parameters) ?? .string
            var builder = ColumnBuilder(type: type, capacity: batch.rowCount)
            for row in 0..<batch.rowCount {
                do {
                    try builder.append(try evaluate(row))
                } catch {
                    builder.appendNull()
                    failures[row] = failures[row] ?? "\(derivation.column): \(error)"
                }
            }
            put(Field(name: derivation.column, type: type), builder.finish())
        }
        for (name, type) in casts {
            guard let index = fields.firstIndex(where: { $0.name == name }) else { throw NodeFailure("cannot cast unknown column \(name)") }
            guard fields[index].type != type else { continue }
            var builder = ColumnBuilder(type: type, capacity: batch.rowCount)
            let read = columns[index].reader()
            for row in 0..<batch.rowCount {
                do {
                    try builder.append(read(row))
                } catch {
                    builder.appendNull()
                    failures[row] = failures[row] ?? "cast \(name): \(error)"
                }
            }
            put(Field(name: name, type: type), builder.finish())
        }
        for index in fields.indices { fields[index].name = renames[fields[index].name] ?? fields[index].name }
        if !select.isEmpty {
            var picked: [Int] = []
            for name in select {
                guard let index = fields.firstIndex(where: { $0.name == name }) else { throw NodeFailure("cannot select unknown column \(name)") }
                picked.append(index)
            }
            fields = picked.map { fields[$0] }
            columns = picked.map { columns[$0] }
        }
        let result = RecordBatch(schema: Schema(fields), columns: columns)
        guard !failures.isEmpty else { return result }
        for (row, reason) in failures.sorted(by: { $0.key < $1.key }) { try context.reject(batch, row: row, reason: reason) }
        return result.filtering((0..<batch.rowCount).map { failures[$0] == nil })
    }
}
