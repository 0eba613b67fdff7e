extension Settings {
    /// The keys whose checked values differ between these settings and `other`, sorted.
    func changedKeys(in other: Settings) -> [String] {
        values.changedKeys(in: other.values)
    }
}
