import Pipelines
import PostgresClient

/// Where an extractor reads: a query, or a table with optional columns and filter.
enum ExtractionSource: Sendable {
    case query(String)
    case table(schema: String, table: String, columns: [String], where: String?)
}

/// The incremental-read settings: rows above the last run's highest `column` value.
struct IncrementalCursor: Sendable {
    var column: String
    var initialValue: JSONValue?
}

/// The SQL an extractor runs: `:name` parameters numbered and bound, the incremental bound
/// added, values kept out of the text.
struct ExtractionQuery {
    var sql: String
    /// Bound values as text, `$1` first.
    var parameters: [String?]

    /// The SQL for `source` with the run's `scope`, reading only rows above `lowerBound` of
    /// `cursorColumn` when both are given.
    init(source: ExtractionSource, scope: ParameterScope, cursorColumn: String?, lowerBound: JSONValue?) throws {
        var text: String
        switch source {
        case .query(let query):
            text = Self.trimmed(query)
        case .table(let schema, let table, let columns, let condition):
            text = "SELECT \(columns.isEmpty ? "*" : SQL.list(columns)) FROM \(SQL.qualified(schema, table))"
            if let condition { text += " WHERE (\(condition))" }
        }
        let numbered = try BindParameters.numbered(text, scope: scope)
        let names = BindParameters.names(in: text)
        var parameters = try zip(names, numbered.values).map { name, value in try Self.text(of: value, name: ":" + name) }
        sql = numbered.sql
        if let cursorColumn, let lowerBound {
            parameters.append(try Self.text(of: lowerBound, name: "the cursor value"))
            let bound = "\(SQL.identifier(cursorColumn)) > $\(parameters.count)"
            switch source {
            case .query: sql = "SELECT * FROM (\(sql)) AS etlb_source WHERE \(bound)"
            case .table(_, _, _, let condition): sql += condition == nil ? " WHERE \(bound)" : " AND \(bound)"
            }
        }
        self.parameters = parameters
    }

    /// The query without trailing semicolons and blanks, so it can be nested.
    static func trimmed(_ query: String) -> String {
        var text = Substring(query)
        while let last = text.last, last == ";" || last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// A parameter's text as PostgreSQL reads it; a NUL cannot be sent and is refused.
    static func text(of value: JSONValue, name: String) throws -> String? {
        let text: String? =
            switch value {
            case .null: nil
            case .string(let string): string
            case .bool(let flag): flag ? "true" : "false"
            case .integer(let number): String(number)
            case .double(let number): String(number)
            case .array, .object: value.canonicalText
            }
        if let text, text.utf8.contains(0) {
            throw NodeFailure("parameter \(name) contains a NUL character, which PostgreSQL text cannot hold")
        }
        return text
    }
}
