import Logging

/// A swift-log `LogHandler` writing native journal entries, so `journalctl -u etl-builder
/// PIPELINE_ID=…` and `journalctl -o json` see structured fields:
///
/// - `MESSAGE`, `PRIORITY` (syslog levels from the log level), `SYSLOG_IDENTIFIER`;
/// - `CODE_FILE`, `CODE_LINE`, `CODE_FUNC` of the log call, and `LOGGER` (the logger's label);
/// - each metadata entry as an upper-case field (`pipeline_id` → `PIPELINE_ID`); a key that would
///   collide with one of the fields above gets a `META_` prefix; secret-looking keys are redacted
///   (``JournalRedaction``).
public struct JournalLogHandler: LogHandler {
    /// The fields this handler always writes; metadata cannot overwrite them.
    static let ownFields: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER",
    ]

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let identifier: String
    private let sink: any JournalSink
    private let redaction: JournalRedaction

    /// A handler for the logger `label`, writing entries tagged `SYSLOG_IDENTIFIER=identifier`.
    public init(
        label: String, identifier: String, sink: any JournalSink = NativeJournalSink(),
        redaction: JournalRedaction = JournalRedaction(), metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.identifier = identifier
        self.sink = sink
        self.redaction = redaction
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        sink.write(entry(for: event))
    }

    /// The entry an event becomes (exposed to the module for tests).
    func entry(for event: LogEvent) -> JournalEntry {
        var entry = JournalEntry()
        entry.append("MESSAGE", event.message.description)
        entry.append("PRIORITY", String(Self.priority(of: event.level)))
        entry.append("SYSLOG_IDENTIFIER", identifier)
        entry.append("CODE_FILE", event.file)
        entry.append("CODE_LINE", String(event.line))
        entry.append("CODE_FUNC", event.function)
        entry.append("LOGGER", label)
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        for key in merged.keys.sorted() {
            guard let name = JournalFieldName.from(metadataKey: key) else { continue }
            let field = Self.ownFields.contains(name) ? "META_" + name : name
            entry.append(field, redaction.isSecret(key: key) ? JournalRedaction.replacement : Self.text(of: merged[key]!))
        }
        return entry
    }

    /// syslog(3) priorities: 2 critical, 3 error, 4 warning, 5 notice, 6 info, 7 debug (and trace).
    static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func text(of value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        default: value.description
        }
    }
}
