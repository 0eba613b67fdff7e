import Foundation
import Pipelines

/// `cleaner`: trims whitespace, turns empty strings into nulls, normalises case, drops rows with
/// nulls in given columns, and removes duplicates (on `columns`, or whole rows), keeping the
/// first occurrence — in that order.
struct CleanerModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "cleaner", displayName: "Data Cleaner", description: "Clean and validate data", icon: "broom",
        color: "#10B981",
        schema: [
            "type": "object", "additionalProperties": false,
            "properties": [
                "remove_duplicates": ["type": "boolean", "default": false, "title": "Remove duplicate rows"],
                "columns": ["type": "array", "items": ["type": "string"], "title": "Duplicate key columns", "description": "Empty: whole rows"],
                "trim_whitespace": ["type": "boolean", "default": false, "title": "Trim whitespace in text columns"],
                "empty_as_null": ["type": "boolean", "default": false, "title": "Empty text becomes null"],
                "drop_nulls": ["type": "array", "items": ["type": "string"], "title": "Drop rows with a null in these columns"],
                "lowercase": ["type": "array", "items": ["type": "string"], "title": "Lower-case these columns"],
                "uppercase": ["type": "array", "items": ["type": "string"], "title": "Upper-case these columns"],
                "on_error": OnErrorPolicy.schemaProperty,
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ConfigProblems(columns: inputs.first ?? nil)
        for key in ["columns", "drop_nulls", "lowercase", "uppercase"] { problems.requireColumns(config.names(key), at: "." + key) }
        return ModuleAnalysis(outputColumns: inputs.first ?? nil, problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        StreamingOperator(
            CleanerTransform(
                removeDuplicates: try config.bool("remove_duplicates"), keyColumns: try config.strings("columns"),
                trim: try config.bool("trim_whitespace"), emptyAsNull: try config.bool("empty_as_null"),
                dropNulls: try config.strings("drop_nulls"), lowercase: Set(try config.strings("lowercase")),
                uppercase: Set(try config.strings("uppercase"))))
    }
}

struct CleanerTransform: StreamingTransform {
    var removeDuplicates: Bool
    var keyColumns: [String]
    var trim: Bool
    var emptyAsNull: Bool
    var dropNulls: [String]
    var lowercase: Set<String>
    var uppercase: Set<String>
    private var seen: Set<[Value]> = []
    private var duplicates: Int64 = 0
    private var nullRows: Int64 = 0
    private var rowsIn: Int64 = 0

    init(removeDuplicates: Bool, keyColumns: [String], trim: Bool, emptyAsNull: Bool, dropNulls: [String], lowercase: Set<String>, uppercase: Set<String>) {
        self.removeDuplicates = removeDuplicates
        self.keyColumns = keyColumns
        self.trim = trim
        self.emptyAsNull = emptyAsNull
        self.dropNulls = dropNulls
        self.lowercase = lowercase
        self.uppercase = uppercase
    }

    mutating func transform(_ batch: RecordBatch, context: NodeContext) throws -> RecordBatch? {
        rowsIn += Int64(batch.rowCount)
        var columns = batch.columns
        for (index, field) in batch.schema.fields.enumerated() where field.type == .string {
            let lower = lowercase.contains(field.name)
            let upper = uppercase.contains(field.name)
            guard trim || emptyAsNull || lower || upper else { continue }
            var builder = ColumnBuilder(type: .string, capacity: batch.rowCount)
            let column = columns[index]
            for row in 0..<batch.rowCount {
                guard case .string(var text) = column[row] else {
                    builder.appendNull()
                    continue
                }
                if trim { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                if lower { text = text.lowercased() }
                if upper { text = text.uppercased() }
                if emptyAsNull, text.isEmpty { builder.appendNull() } else { builder.appendString(text) }
            }
            columns[index] = builder.finish()
        }
        let cleaned = RecordBatch(schema: batch.schema, columns: columns)
        var mask = [Bool](repeating: true, count: batch.rowCount)
        let nullChecked = try dropNulls.map { cleaned.columns[try cleaned.requireColumn($0)] }
        for row in 0..<batch.rowCount where nullChecked.contains(where: { $0.isNull(row) }) {
            mask[row] = false
            nullRows += 1
        }
        if removeDuplicates {
            let keys = try (keyColumns.isEmpty ? batch.schema.names : keyColumns).map { cleaned.columns[try cleaned.requireColumn($0)].reader() }
            for row in 0..<batch.rowCount where mask[row] {
                if !seen.insert(keys.map { $0(row) }).inserted {
                    mask[row] = false
                    duplicates += 1
                }
            }
        }
        let kept = cleaned.filtering(mask)
        context.countFiltered(batch.rowCount - kept.rowCount)
        return kept
    }

    mutating func finish(context: NodeContext) throws -> RecordBatch? {
        let after = rowsIn - duplicates - nullRows
        if removeDuplicates {
            context.log(.info, "Removed \(duplicates) duplicate rows", metadata: ["rows_before": .integer(rowsIn), "rows_after": .integer(after)])
        }
        if !dropNulls.isEmpty {
            context.log(.info, "Dropped \(nullRows) rows with nulls in \(dropNulls.joined(separator: ", "))", metadata: ["rows_dropped": .integer(nullRows)])
        }
        return nil
    }
}
