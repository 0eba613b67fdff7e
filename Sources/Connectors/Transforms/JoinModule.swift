import Pipelines

/// `join`: inner, left, right or full join of two inputs on key columns. The left input is the
/// node named by `left`, else the source of the first edge into the join. The right input is
/// held in a hash table; the left streams through it (left batches arriving before the right
/// input ended are buffered). Null keys never match.
///
/// Output: the left columns, then the right columns. With `on` (same names on both sides) the
/// key columns appear once, taking the right value for rows only the right side has; other
/// right columns whose names the left already uses get the suffix `_right`.
struct JoinModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "join", displayName: "Join", description: "Join two inputs on key columns", icon: "git-merge",
        color: "#14B8A6",
        schema: [
            "type": "object", "additionalProperties": false,
            "properties": [
                "type": ["type": "string", "enum": ["inner", "left", "right", "full"], "default": "inner", "title": "Join type"],
                "on": ["type": "array", "items": ["type": "string"], "title": "Key columns (same name on both sides)"],
                "left_on": ["type": "array", "items": ["type": "string"], "title": "Left key columns"],
                "right_on": ["type": "array", "items": ["type": "string"], "title": "Right key columns"],
                "left": ["type": "string", "title": "Left input node", "description": "Default: the source of the first edge into the join"],
            ],
        ],
        inputs: .exactly(2))

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ConfigProblems(columns: nil)
        let on = config.names("on")
        let (leftKeys, rightKeys) = on.isEmpty ? (config.names("left_on"), config.names("right_on")) : (on, on)
        if leftKeys.isEmpty || leftKeys.count != rightKeys.count {
            problems.add(ModuleProblem(.invalidConfig, path: "", message: "join needs `on`, or `left_on` and `right_on` of the same length"))
        }
        // Inputs are in edge order; `left` may swap them, so check only when both are known.
        if config["left"] == nil, inputs.count == 2 {
            problems.columns = inputs[0]
            problems.requireColumns(leftKeys, at: on.isEmpty ? ".left_on" : ".on")
            problems.columns = inputs[1]
            problems.requireColumns(rightKeys, at: on.isEmpty ? ".right_on" : ".on")
        }
        var output: [String]?
        if config["left"] == nil, inputs.count == 2, let left = inputs[0], let right = inputs[1] {
            output = JoinLayout(left: left, right: right, leftKeys: leftKeys, rightKeys: rightKeys, merged: !on.isEmpty).names
        }
        return ModuleAnalysis(outputColumns: output, problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let on = try config.strings("on")
        let kind = try config.string("type") ?? "inner"
        return JoinOperator(
            keepUnmatchedLeft: kind == "left" || kind == "full", keepUnmatchedRight: kind == "right" || kind == "full",
            leftKeys: on.isEmpty ? try config.strings("left_on") : on, rightKeys: on.isEmpty ? try config.strings("right_on") : on,
            mergeKeys: !on.isEmpty, leftNode: try config.string("left"))
    }
}

/// Which input column each output column comes from.
struct JoinLayout {
    enum Source { case left(Int), right(Int), key(left: Int, right: Int) }

    var names: [String] = []
    var sources: [Source] = []

    init(left: [String], right: [String], leftKeys: [String], rightKeys: [String], merged: Bool) {
        for (index, name) in left.enumerated() {
            names.append(name)
            if merged, let key = leftKeys.firstIndex(of: name), let rightIndex = right.firstIndex(of: rightKeys[key]) {
                sources.append(.key(left: index, right: rightIndex))
            } else {
                sources.append(.left(index))
            }
        }
        for (index, name) in right.enumerated() where !(merged && rightKeys.contains(name)) {
            var unique = name
            while names.contains(unique) { unique += "_right" }
            names.append(unique)
            sources.append(.right(index))
        }
    }
}

struct JoinOperator: NodeOperator {
    var keepUnmatchedLeft: Bool
    var keepUnmatchedRight: Bool
    var leftKeys: [String]
    var rightKeys: [String]
    var mergeKeys: Bool
    var leftNode: String?

    func run(_ context: NodeContext) async throws {
        var leftIndex = 0
        if let leftNode {
            guard let index = context.inputs.firstIndex(where: { $0.sourceNodeID == leftNode }) else {
                throw NodeFailure("left input \(leftNode) is not an input of this join")
            }
            leftIndex = index
        }
        var rightBatches: [RecordBatch] = []
        var pendingLeft: [RecordBatch] = []
        var table: JoinTable?
        try await context.mergedInputs { index, batch in
            if index == leftIndex {
                guard let batch else { return }
                if let table {
                    try await context.output.emit(try table.probe(batch))
                } else {
                    pendingLeft.append(batch)
                }
                return
            }
            if let batch {
                rightBatches.append(batch)
                return
            }
            // The right input ended: build the table and drain what the left sent meanwhile.
            let built = try JoinTable(right: rightBatches, keys: rightKeys, leftKeys: leftKeys, operator: self)
            table = built
            rightBatches = []
            for left in pendingLeft { try await context.output.emit(try built.probe(left)) }
            pendingLeft = []
        }
        if let table, keepUnmatchedRight, let rest = try table.unmatchedRight() { try await context.output.emit(rest) }
    }
}

/// The right side of a join, hashed on its keys, with the rows that found a partner.
final class JoinTable {
    private let right: RecordBatch?
    private let rows: [[Value]: [Int]]
    private var matched: [Bool]
    private let operation: JoinOperator
    private var layout: JoinLayout?

    init(right batches: [RecordBatch], keys: [String], leftKeys: [String], operator operation: JoinOperator) throws {
        self.operation = operation
        guard let schema = batches.first?.schema else {
            right = nil
            rows = [:]
            matched = []
            return
        }
        let right = RecordBatch.concatenating(batches, schema: schema)
        let readers = try keys.map { right.columns[try right.requireColumn($0)].reader() }
        var rows: [[Value]: [Int]] = [:]
        for row in 0..<right.rowCount {
            let key = readers.map { $0(row) }
            if key.contains(where: \.isNull) { continue }
            rows[key, default: []].append(row)
        }
        self.right = right
        self.rows = rows
        matched = Array(repeating: false, count: right.rowCount)
    }

    /// The joined rows of one left batch (and, for left/full joins, its unmatched rows).
    func probe(_ left: RecordBatch) throws -> RecordBatch {
        let readers = try operation.leftKeys.map { left.columns[try left.requireColumn($0)].reader() }
        var leftRows: [Int] = []
        var rightRows: [Int?] = []
        for row in 0..<left.rowCount {
            let key = readers.map { $0(row) }
            if let partners = key.contains(where: \.isNull) ? nil : rows[key] {
                for partner in partners {
                    leftRows.append(row)
                    rightRows.append(partner)
                    matched[partner] = true
                }
            } else if operation.keepUnmatchedLeft {
                leftRows.append(row)
                rightRows.append(nil)
            }
        }
        return try assemble(left: left, leftRows: leftRows.map(Optional.some), rightRows: rightRows)
    }

    /// The right rows no left row matched (right and full joins), with null left columns.
    func unmatchedRight() throws -> RecordBatch? {
        let rows = matched.indices.filter { !matched[$0] }
        guard !rows.isEmpty else { return nil }
        return try assemble(left: nil, leftRows: rows.map { _ in nil }, rightRows: rows.map(Optional.some))
    }

    /// The left columns, from the first left batch (none when the left input was empty).
    private var leftSchema: Schema?

    private func assemble(left: RecordBatch?, leftRows: [Int?], rightRows: [Int?]) throws(NodeFailure) -> RecordBatch {
        let leftSchema = self.leftSchema ?? left?.schema ?? Schema([])
        self.leftSchema = leftSchema
        let rightSchema = right?.schema ?? Schema([])
        if layout == nil {
            layout = JoinLayout(
                left: leftSchema.names, right: rightSchema.names, leftKeys: operation.leftKeys, rightKeys: operation.rightKeys,
                merged: operation.mergeKeys)
        }
        let layout = layout!
        var fields: [Field] = []
        var columns: [Column] = []
        func pick(_ column: Column?, _ type: DataType, _ indices: [Int?]) -> Column {
            var builder = ColumnBuilder(type: type, capacity: indices.count)
            for index in indices {
                if let index, let column { try? builder.append(column[index]) } else { builder.appendNull() }
            }
            return builder.finish()
        }
        for (name, source) in zip(layout.names, layout.sources) {
            switch source {
            case .left(let index):
                let type = leftSchema.fields[index].type
                fields.append(Field(name: name, type: type))
                columns.append(pick(left?.columns[index], type, leftRows))
            case .right(let index):
                let type = rightSchema.fields[index].type
                fields.append(Field(name: name, type: type))
                columns.append(pick(right?.columns[index], type, rightRows))
            case .key(let leftIndex, let rightIndex):
                let type = leftSchema.fields[leftIndex].type
                fields.append(Field(name: name, type: type))
                var builder = ColumnBuilder(type: type, capacity: leftRows.count)
                for (leftRow, rightRow) in zip(leftRows, rightRows) {
                    let value = leftRow.flatMap { left?.columns[leftIndex][$0] } ?? rightRow.map { right!.columns[rightIndex][$0] } ?? .null
                    do { try builder.append(value) } catch { builder.appendNull() }
                }
                columns.append(builder.finish())
            }
        }
        return RecordBatch(schema: Schema(fields), columns: columns)
    }
}
