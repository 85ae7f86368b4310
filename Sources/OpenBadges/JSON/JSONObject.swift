/// A JSON object: members in the order they were written. Keys are unique (the parser rejects
/// a document that repeats one, because two readers could disagree on which copy counts).
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// Builds an object from pairs, in order; a repeated key replaces the earlier value.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        self.members = []
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            // Objects in badges are small: a linear scan beats hashing every key at parse time.
            for member in members where JSONObject.sameKey(member.key, key) { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { JSONObject.sameKey($0.key, key) }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Key equality, comparing lengths first: most keys looked up are absent or differ in
    /// length, and that settles them without a string comparison.
    @inline(__always)
    static func sameKey(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left == right
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}
