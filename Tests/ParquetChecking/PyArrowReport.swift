import Foundation
import Pipelines
import TestProcesses

/// What pyarrow, the reference reader, sees in a Parquet file (scripts/parquet_check.py): the
/// Parquet and S3 tests check every file they write with it.
public struct PyArrowReport: Sendable {
    /// The checker's whole answer.
    public let json: JSONValue

    /// Reads `path` with pyarrow; fails the test when python3 or pyarrow is missing.
    public init(reading path: String) throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try ChildProcess.run("python3", [repository.appendingPathComponent("scripts/parquet_check.py").path, path])
        guard result.status == 0 else {
            throw ChildProcessError(message: "pyarrow could not read \(path): " + result.errors)
        }
        json = try JSONValue(parsing: result.output)
    }

    public var rowCount: Int64? { if case .integer(let count) = json["num_rows"] { count } else { nil } }
    public var rowGroups: [JSONValue] { json["row_groups"]?.arrayValue ?? [] }
    public var columns: [JSONValue] { json["columns"]?.arrayValue ?? [] }

    /// The column called `name` as pyarrow describes it.
    public func column(_ name: String) -> JSONValue? { columns.first { $0["name"]?.stringValue == name } }
    /// The values pyarrow read for column `name`.
    public func values(_ name: String) -> [JSONValue] { json["values"]?[name]?.arrayValue ?? [] }
    /// Row group `group`'s chunk of column `index`.
    public func chunk(group: Int, column index: Int) -> JSONValue? { rowGroups[group]["columns"]?.arrayValue?[index] }
}
