extension KeyedDecodingContainer {
    /// `nil` when `key` is absent, `.some(nil)` when it is `null`, else the value: lets a partial
    /// update tell "leave unchanged" from "clear".
    func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T?? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .some(nil) }
        return .some(try decode(T.self, forKey: key))
    }

    /// `nil` when `key` is absent, else the value; `null` is refused (422) for fields a partial
    /// update cannot clear.
    func decodeUnlessAbsent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(T.self, forKey: key)
    }
}
