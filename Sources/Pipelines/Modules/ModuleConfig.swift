/// A config value of the wrong shape met while building a node (the validator normally
/// catches these first).
public struct ModuleConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "config \(key): \(message)" }
}

/// A node config with the module defaults filled in, read through typed accessors.
public struct ModuleConfig: Sendable, Hashable {
    public var values: [String: JSONValue]

    /// `config` over the module's `defaults`.
    public init(_ config: [String: JSONValue], defaults: [String: JSONValue] = [:]) {
        values = defaults.merging(config) { _, own in own }
    }

    public subscript(key: String) -> JSONValue? {
        if case .null = values[key] { return nil }
        return values[key]
    }

    public func string(_ key: String) throws(ModuleConfigError) -> String? {
        guard let value = self[key] else { return nil }
        guard case .string(let text) = value else { throw ModuleConfigError(key: key, message: "must be a string") }
        return text
    }

    public func requiredString(_ key: String) throws(ModuleConfigError) -> String {
        guard let text = try string(key) else { throw ModuleConfigError(key: key, message: "is required") }
        return text
    }

    public func bool(_ key: String) throws(ModuleConfigError) -> Bool {
        guard let value = self[key] else { return false }
        guard case .bool(let flag) = value else { throw ModuleConfigError(key: key, message: "must be true or false") }
        return flag
    }

    public func integer(_ key: String) throws(ModuleConfigError) -> Int? {
        switch self[key] {
        case nil: return nil
        case .integer(let number): return Int(number)
        case .double(let number) where number == number.rounded(): return Int(number)
        default: throw ModuleConfigError(key: key, message: "must be an integer")
        }
    }

    public func strings(_ key: String) throws(ModuleConfigError) -> [String] {
        guard let value = self[key] else { return [] }
        if case .string(let single) = value { return [single] }
        guard let items = value.arrayValue?.compactMap(\.stringValue), items.count == value.arrayValue?.count else {
            throw ModuleConfigError(key: key, message: "must be a list of strings")
        }
        return items
    }

    public func objects(_ key: String) throws(ModuleConfigError) -> [[String: JSONValue]] {
        guard let value = self[key] else { return [] }
        guard let items = value.arrayValue?.compactMap(\.objectValue), items.count == value.arrayValue?.count else {
            throw ModuleConfigError(key: key, message: "must be a list of objects")
        }
        return items
    }

    public func stringMap(_ key: String) throws(ModuleConfigError) -> [String: String] {
        guard let value = self[key] else { return [:] }
        guard let members = value.objectValue, members.values.allSatisfy({ $0.stringValue != nil }) else {
            throw ModuleConfigError(key: key, message: "must map names to strings")
        }
        return members.compactMapValues(\.stringValue)
    }
}
