/// One native journal entry: `FIELD=value` pairs, in order. A field may repeat.
public struct JournalEntry: Sendable, Equatable {
    /// A field name and its value.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in the order they are sent.
    public var fields: [Field]

    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// The value of the first field named `name`.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }
}
