import Foundation
import Pipelines

/// What pyarrow, the reference reader, sees in a Parquet file (scripts/parquet_check.py, as the
/// Parquet tests use it).
struct PyArrowReport {
    let json: JSONValue

    /// Reads `path` with pyarrow; fails the test when python3 or pyarrow is missing.
    init(reading path: String) throws {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("scripts/parquet_check.py").path, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let failure = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSetupError("pyarrow could not read \(path): " + String(decoding: failure, as: UTF8.self))
        }
        json = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
    }

    var rowCount: Int64? { if case .integer(let count) = json["num_rows"] { count } else { nil } }
}
