/// Why a cron expression was rejected: which field, which text, where, and what
/// would have been allowed.
///
/// ``description`` reads like `hour: 24 is out of range 0-23 (column 5)`.
public struct CronParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of mistake, with a stable machine-readable ``code``.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Nothing but white space.
        case empty = "cron.empty"
        /// Not 5 or 6 fields.
        case fieldCount = "cron.field_count"
        /// An `@` word that is not a supported macro.
        case unknownMacro = "cron.unknown_macro"
        /// A `CRON_TZ=`/`TZ=` prefix naming no known IANA zone.
        case unknownTimeZone = "cron.unknown_time_zone"
        /// Text that is neither a number nor a name the field accepts.
        case invalidValue = "cron.invalid_value"
        /// A number outside the field's range.
        case outOfRange = "cron.out_of_range"
        /// A step that is missing, zero or too large.
        case invalidStep = "cron.invalid_step"
        /// A range whose end comes before its start.
        case invalidRange = "cron.invalid_range"
        /// `?`, `L`, `W` or `#` where the field does not allow it.
        case misplacedSymbol = "cron.misplaced_symbol"
        /// A well-formed expression that matches no moment in any year.
        case neverFires = "cron.never_fires"
    }

    /// The class of mistake.
    public var kind: Kind
    /// The field at fault (`second`, `minute`, `hour`, `day-of-month`, `month`,
    /// `day-of-week`, `time zone`), or nil when the expression as a whole is at fault.
    public var field: String?
    /// The offending text.
    public var text: String
    /// The 1-based column of ``text`` in the expression as written.
    public var column: Int
    /// What is wrong, without the field and column, e.g. `24 is out of range 0-23`.
    public var message: String

    /// Creates an error; the parser is the only producer.
    public init(kind: Kind, field: String?, text: String, column: Int, message: String) {
        self.kind = kind
        self.field = field
        self.text = text
        self.column = column
        self.message = message
    }

    /// A stable identifier of ``kind`` for APIs, e.g. `cron.out_of_range`.
    public var code: String { kind.rawValue }

    /// The full message, e.g. `hour: 24 is out of range 0-23 (column 5)`.
    public var description: String {
        if let field {
            return "\(field): \(message) (column \(column))"
        }
        return "\(message) (column \(column))"
    }
}
