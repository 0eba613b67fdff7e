import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Bind values in the store's column representations (see `Timestamp` and the migration header).
extension SQLiteData {
    static func uuid(_ value: UUID) -> SQLiteData { .text(UUIDText.format(value)) }
    static func uuid(_ value: UUID?) -> SQLiteData { value.map { .uuid($0) } ?? .null }
    static func timestamp(_ value: Date) -> SQLiteData { .text(Timestamp.format(value)) }
    static func timestamp(_ value: Date?) -> SQLiteData { value.map { .timestamp($0) } ?? .null }
    static func optText(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }
    static func int(_ value: Int) -> SQLiteData { .integer(SQLiteInt64(value)) }
    static func int(_ value: Int?) -> SQLiteData { value.map { .int($0) } ?? .null }
    static func int64(_ value: Int64) -> SQLiteData { .integer(SQLiteInt64(value)) }
    static func real(_ value: Double?) -> SQLiteData { value.map { .float($0) } ?? .null }
    static func flag(_ value: Bool) -> SQLiteData { .integer(value ? 1 : 0) }
    static func enumText<E: RawRepresentable>(_ value: E?) -> SQLiteData where E.RawValue == String {
        value.map { .text($0.rawValue) } ?? .null
    }
}

/// Accumulates bind values for a query built at run time and hands out their placeholders
/// (`?1`, `?2`, …). Values only ever reach SQLite as binds; the SQL text holds placeholders.
struct SQLBinds {
    private(set) var values: [SQLiteData] = []

    /// Appends `value` and returns its placeholder.
    mutating func add(_ value: SQLiteData) -> String {
        values.append(value)
        return "?\(values.count)"
    }

    /// Placeholders for a list, e.g. `?3, ?4, ?5`.
    mutating func list(_ items: [SQLiteData]) -> String {
        items.map { add($0) }.joined(separator: ", ")
    }
}

/// Typed reads of a result row; a value of the wrong type is a corrupt database, not a crash.
struct RowReader {
    let row: SQLiteRow

    init(_ row: SQLiteRow) { self.row = row }

    private func value(_ column: String) throws(StoreError) -> SQLiteData {
        guard let data = row.column(column) else { throw .database(reason: "result has no column '\(column)'") }
        return data
    }

    private func corrupt(_ column: String, _ data: SQLiteData) -> StoreError {
        .database(reason: "unexpected value in column '\(column)': \(data)")
    }

    func isNull(_ column: String) throws(StoreError) -> Bool { try value(column).isNull }

    func text(_ column: String) throws(StoreError) -> String {
        let data = try value(column)
        guard case .text(let s) = data else { throw corrupt(column, data) }
        return s
    }

    func optText(_ column: String) throws(StoreError) -> String? {
        try isNull(column) ? nil : try text(column)
    }

    func int64(_ column: String) throws(StoreError) -> Int64 {
        let data = try value(column)
        guard case .integer(let i) = data else { throw corrupt(column, data) }
        return Int64(i)
    }

    func int(_ column: String) throws(StoreError) -> Int { Int(try int64(column)) }

    func optInt(_ column: String) throws(StoreError) -> Int? {
        try isNull(column) ? nil : try int(column)
    }

    func double(_ column: String) throws(StoreError) -> Double {
        let data = try value(column)
        switch data {
        case .float(let d): return d
        case .integer(let i): return Double(i)
        default: throw corrupt(column, data)
        }
    }

    func optDouble(_ column: String) throws(StoreError) -> Double? {
        try isNull(column) ? nil : try double(column)
    }

    func bool(_ column: String) throws(StoreError) -> Bool { try int64(column) != 0 }

    func uuid(_ column: String) throws(StoreError) -> UUID {
        let s = try text(column)
        guard let id = UUIDText.parse(s) else { throw .database(reason: "column '\(column)' holds no UUID: \(s)") }
        return id
    }

    func optUUID(_ column: String) throws(StoreError) -> UUID? {
        try isNull(column) ? nil : try uuid(column)
    }

    func date(_ column: String) throws(StoreError) -> Date {
        let s = try text(column)
        guard let date = Timestamp.parse(s) else { throw .database(reason: "column '\(column)' holds no timestamp: \(s)") }
        return date
    }

    func optDate(_ column: String) throws(StoreError) -> Date? {
        try isNull(column) ? nil : try date(column)
    }

    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws(StoreError) -> E
    where E.RawValue == String {
        let s = try text(column)
        guard let value = E(rawValue: s) else { throw .database(reason: "column '\(column)' holds unknown value '\(s)'") }
        return value
    }

    func optEnum<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws(StoreError) -> E?
    where E.RawValue == String {
        try isNull(column) ? nil : try enumValue(column, as: type)
    }
}

/// `LIKE` pattern matching `text` as a substring: `\`, `%` and `_` are escaped (use with `ESCAPE '\'`).
func likeSubstringPattern(_ text: String) -> String {
    var pattern = "%"
    for ch in text {
        if ch == "\\" || ch == "%" || ch == "_" { pattern.append("\\") }
        pattern.append(ch)
    }
    return pattern + "%"
}
