import Foundation
import TestProcesses
import Pipelines

/// What pyarrow, the reference reader, sees in a Parquet file (scripts/parquet_check.py, as the
/// Parquet tests use it).
struct PyArrowReport {
    let json: JSONValue

    /// Reads `path` with pyarrow; fails the test when python3 or pyarrow is missing.
    init(reading path: String) throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try ChildProcess.run("python3", [repository.appendingPathComponent("scripts/parquet_check.py").path, path])
        guard result.status == 0 else {
            throw TestSetupError("pyarrow could not read \(path): " + result.errors)
        }
        let data = result.stdout
        json = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
    }

    var rowCount: Int64? { if case .integer(let count) = json["num_rows"] { count } else { nil } }
}
