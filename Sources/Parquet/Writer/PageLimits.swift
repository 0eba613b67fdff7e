/// When a column writer closes a data page or gives up on its dictionary.
struct PageLimits: Sendable {
    /// A data page is closed once its encoded values reach this many bytes…
    var pageBytes: Int
    /// …or hold this many values (nulls included).
    var pageValues: Int
    /// A dictionary whose PLAIN size passes this falls back to PLAIN pages for the rest of
    /// the column chunk.
    var dictionaryBytes: Int
}
