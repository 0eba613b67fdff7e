import Foundation
import Logging
import Systemd

/// Where log records go, from `logging.format`:
///
/// - `journal`: native journal entries with structured fields (``JournalLogHandler``);
/// - `text`: readable lines on standard error;
/// - `json`: one JSON object per line on standard error;
/// - `auto` (default): the journal when standard error is connected to it (`$JOURNAL_STREAM`
///   names stderr's device and inode, systemd.exec(5)'s test), else text.
enum LogDestination: Equatable {
    case journal
    case text
    case json

    /// The `SYSLOG_IDENTIFIER=` of every journal entry.
    static let journalIdentifier = "etl-builder"

    /// The destination `format` selects in this process.
    static func resolve(format: String, environment: [String: String]) -> LogDestination {
        switch format {
        case "journal": .journal
        case "json": .json
        case "text": .text
        default: JournalStream.isConnected(environment: environment) ? .journal : .text
        }
    }

    /// A handler writing to this destination for the logger `label`.
    func makeHandler(label: String) -> any LogHandler {
        switch self {
        case .journal: JournalLogHandler(label: label, identifier: Self.journalIdentifier)
        case .json: JSONLinesLogHandler(label: label)
        case .text: StreamLogHandler.standardError(label: label)
        }
    }
}
