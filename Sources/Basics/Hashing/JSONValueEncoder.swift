/// Turns any `Encodable` value into a `JSONValue`, so keys can be hashed from `Codable` structs.
///
/// Optional properties that are nil are omitted (as `JSONEncoder` does), so adding an optional
/// field to a key struct does not change the keys of values that leave it unset.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = EncodingNode()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.value
    }
}

extension JSONValue {
    /// The canonical JSON of `value`'s `Codable` form.
    public static func canonical(_ value: some Encodable) throws -> [UInt8] {
        try JSONValueEncoder().encode(value).canonicalBytes()
    }
}

extension Digest {
    /// The digest of the canonical JSON of `value`: how every key in `frontier` is made.
    public init(canonical value: some Encodable) throws {
        self.init(of: try JSONValue.canonical(value))
    }
}

/// A mutable tree the containers write into; resolved to a `JSONValue` at the end.
private final class EncodingNode {
    enum Storage {
        case empty
        case value(JSONValue)
        case array([EncodingNode])
        case object([String: EncodingNode])
    }

    var storage: Storage = .empty

    var value: JSONValue {
        switch storage {
        case .empty: .object([:])
        case .value(let value): value
        case .array(let nodes): .array(nodes.map(\.value))
        case .object(let members): .object(members.mapValues(\.value))
        }
    }

    func member(_ key: String) -> EncodingNode {
        let node = EncodingNode()
        if case .object(var members) = storage {
            storage = .empty  // so `members` is the only reference and grows in place
            members[key] = node
            storage = .object(members)
        } else {
            storage = .object([key: node])
        }
        return node
    }

    func appended() -> EncodingNode {
        let node = EncodingNode()
        if case .array(var nodes) = storage {
            storage = .empty
            nodes.append(node)
            storage = .array(nodes)
        } else {
            storage = .array([node])
        }
        return node
    }

    func makeObject() {
        if case .object = storage { return }
        storage = .object([:])
    }

    func makeArray() {
        if case .array = storage { return }
        storage = .array([])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes primitives directly and everything else through a nested `TreeEncoder`.
private func encodeValue(
    _ value: some Encodable, into node: EncodingNode, codingPath: [any CodingKey]
) throws {
    switch value {
    case let value as String: node.storage = .value(.string(value))
    case let value as Bool: node.storage = .value(.bool(value))
    case let value as Int: node.storage = .value(.integer(value))
    case let value as Double: node.storage = .value(.number(value))
    case let value as JSONValue: node.storage = .value(value)
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

private func integer(_ value: some BinaryInteger, _ path: [any CodingKey]) throws -> JSONValue {
    guard let exact = Int(exactly: value) else {
        throw EncodingError.invalidValue(
            value, .init(codingPath: path, debugDescription: "integer out of range"))
    }
    return .integer(exact)
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.null)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.bool(value))
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.string(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.number(value))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.number(Double(value)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(.integer(value))
    }
    mutating func encode<T: BinaryInteger & Encodable>(_ value: T, forKey key: Key) throws {
        node.member(key.stringValue).storage = .value(try integer(value, codingPath + [key]))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.member("super"), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let nodes) = node.storage { nodes.count } else { 0 }
    }

    mutating func encodeNil() throws { node.appended().storage = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: node.appended(), codingPath: path)
    }
    mutating func encode<T: BinaryInteger & Encodable>(_ value: T) throws {
        node.appended().storage = .value(try integer(value, codingPath))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appended()
        child.makeObject()
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appended()
        child.makeArray()
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.appended(), codingPath: codingPath)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.storage = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.storage = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.storage = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.storage = .value(.number(value)) }
    mutating func encode(_ value: Float) throws { node.storage = .value(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { node.storage = .value(.integer(value)) }
    mutating func encode<T: BinaryInteger & Encodable>(_ value: T) throws {
        node.storage = .value(try integer(value, codingPath))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, codingPath: codingPath)
    }
}
