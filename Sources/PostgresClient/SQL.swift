import Foundation

/// Quoting for SQL text this client builds. Values never go through here: they are bound
/// parameters or COPY data.
public enum SQL {
    /// `name` as a quoted identifier (`"Order ""items"""`).
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `schema.table`, both quoted.
    public static func qualified(_ schema: String, _ table: String) -> String { identifier(schema) + "." + identifier(table) }

    /// Quoted identifiers joined by commas.
    public static func list(_ names: [String]) -> String { names.map(identifier).joined(separator: ", ") }
}
