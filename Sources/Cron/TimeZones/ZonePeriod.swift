/// A stretch of time during which a zone keeps one UTC offset.
///
/// `start` and `end` are instants in seconds since 1970 (UTC). A boundary may be
/// an artificial one where the offset does not change; every algorithm treats
/// that like a transition with no gap and no fold.
struct ZonePeriod: Sendable {
    /// The first instant of the period.
    var start: Int64
    /// The first instant after the period.
    var end: Int64
    /// Seconds east of UTC during the period.
    var offset: Int64
    /// Seconds east of UTC just before `start`.
    var offsetBefore: Int64

    func contains(_ instant: Int64) -> Bool {
        instant >= start && instant < end
    }

    /// When the period starts with a fall-back, the wall-clock labels that were
    /// already shown once before `start` (`start + offset ..< start + offsetBefore`).
    var repeatedLabels: Range<Int64>? {
        offsetBefore > offset ? (start + offset)..<(start + offsetBefore) : nil
    }
}
