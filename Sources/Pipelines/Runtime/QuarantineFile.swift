import Foundation

/// The quarantine file of one node: one JSON object per rejected row, `{"reason", "row"}`,
/// created on the first rejected row.
final class QuarantineFile {
    let path: String
    private var handle: FileHandle?

    init(path: String) { self.path = path }

    func write(row: [String: JSONValue], reason: String) throws {
        if handle == nil {
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let opened = FileHandle(forWritingAtPath: path) else { throw NodeFailure("cannot open quarantine file \(path)") }
            opened.seekToEndOfFile()
            handle = opened
        }
        let line = JSONValue.object(["reason": .string(reason), "row": .object(row)]).canonicalText + "\n"
        try handle?.write(contentsOf: Data(line.utf8))
    }

    func close() { try? handle?.close() }
}
