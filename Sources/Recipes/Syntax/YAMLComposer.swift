public import Basics
internal import CYAML

/// Builds a `YAMLNode` tree from libyaml's event stream, keeping every node's span, resolving
/// aliases within the limits, and reporting duplicate keys.
///
/// Syntax errors and exceeded limits stop composition (libyaml cannot resume); duplicate keys
/// are reported and the first occurrence kept, so checking can go on.
public struct YAMLComposer: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The single document of `text`; nil when it could not be composed, with the reasons in
    /// `diagnostics`. An empty document yields a null scalar.
    public func compose(
        _ text: String, file: String, diagnostics: inout [Diagnostic]
    ) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.count > limits.maxFileBytes {
            diagnostics.append(
                .error(
                    .fileTooLarge,
                    "file is \(ByteCount.describe(bytes.count)); recipes are limited to "
                        + ByteCount.describe(limits.maxFileBytes),
                    at: SourceRange(at: SourceLocation(file: file, line: 1, column: 1))))
            return nil
        }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var session = ComposeSession(file: file, limits: limits)
            let root = session.run(buffer)
            diagnostics.append(contentsOf: session.diagnostics)
            return root
        }
    }
}

extension DiagnosticID {
    public static let yamlSyntax: Self = "yaml-syntax"
    public static let fileTooLarge: Self = "file-too-large"
    public static let nestingTooDeep: Self = "nesting-too-deep"
    public static let scalarTooLong: Self = "scalar-too-long"
    public static let aliasExpansionLimit: Self = "alias-expansion-limit"
    public static let undefinedAlias: Self = "undefined-alias"
    public static let duplicateKey: Self = "duplicate-key"
    public static let multipleDocuments: Self = "multiple-documents"
    public static let unsupportedTag: Self = "unsupported-tag"
    public static let complexKey: Self = "complex-key"
}

/// The mutable state of one composition: the open collections, anchors and counters.
private struct ComposeSession {
    let file: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []

    /// An open mapping or list, mutated in place on the stack as its children complete.
    struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var anchor: String?
        var tag: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode? = nil
        var seen: [String: SourceRange] = [:]
    }

    var stack: [Frame] = []
    /// Each anchor's node and its size counted with every alias inside it expanded.
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    /// Expanded sizes of the nodes under construction, innermost last, plus the document's.
    var sizes: [Int] = [0]
    var root: YAMLNode?
    var documents = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            fail(.yamlSyntax, "libyaml could not start", at: range(line: 0, column: 0))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportSyntaxError(parser)
                return nil
            }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT { break }
            guard handle(event) else { return nil }
        }
        return root ?? YAMLNode(.scalar(YAMLScalar("")), at: range(line: 0, column: 0))
    }

    /// Applies one event; false when composition must stop.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = location(event.start_mark)
        let end = location(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(
                    .multipleDocuments, "a recipe is one YAML document; found a second one",
                    at: SourceRange(start: start, end: end))
                return false
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            if data.length > limits.maxScalarBytes {
                fail(
                    .scalarTooLong,
                    "scalar is \(ByteCount.describe(data.length)); the limit is "
                        + ByteCount.describe(limits.maxScalarBytes),
                    at: SourceRange(start: start, end: end))
                return false
            }
            let text = String(
                decoding: UnsafeBufferPointer(start: data.value, count: data.length),
                as: UTF8.self)
            let style: YAMLScalar.Style =
                switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            guard let tag = checkedTag(data.tag, at: SourceRange(start: start, end: end)) else {
                return false
            }
            let node = YAMLNode(
                .scalar(YAMLScalar(text, style: style)), at: SourceRange(start: start, end: end),
                tag: nonEmpty(tag))
            return add(node, anchor: string(data.anchor), size: 1)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                fail(
                    .undefinedAlias, "alias '*\(name)' names no anchor defined before it",
                    at: SourceRange(start: start, end: end))
                return false
            }
            var node = anchored.node
            node.range = SourceRange(start: start, end: end)
            return add(node, anchor: nil, size: anchored.size)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard push(at: start, end: end), let tag = checkedTag(data.tag, at: .init(at: start))
            else { return false }
            stack.append(
                Frame(isMapping: false, start: start, anchor: string(data.anchor), tag: tag))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard push(at: start, end: end), let tag = checkedTag(data.tag, at: .init(at: start))
            else { return false }
            stack.append(
                Frame(isMapping: true, start: start, anchor: string(data.anchor), tag: tag))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return pop(end: end)
        default:
            break
        }
        return true
    }

    private mutating func push(at start: SourceLocation, end: SourceLocation) -> Bool {
        if stack.count >= limits.maxDepth {
            fail(
                .nestingTooDeep,
                "nesting is deeper than \(limits.maxDepth) levels of mappings and lists",
                at: SourceRange(start: start, end: end))
            return false
        }
        sizes.append(0)
        return true
    }

    private mutating func pop(end: SourceLocation) -> Bool {
        let size = sizes.removeLast() + 1
        let frame = stack.removeLast()
        let content: YAMLNode.Content =
            frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
        let node = YAMLNode(
            content, at: SourceRange(start: frame.start, end: end), tag: frame.tag.flatMap(nonEmpty)
        )
        return add(node, anchor: frame.anchor, size: size)
    }

    /// Attaches a completed node to the open collection (or makes it the root).
    private mutating func add(_ node: YAMLNode, anchor: String?, size: Int) -> Bool {
        sizes[sizes.count - 1] += size
        if sizes.reduce(0, +) > limits.maxExpandedNodes {
            fail(
                .aliasExpansionLimit,
                "document expands to more than \(limits.maxExpandedNodes) nodes once aliases "
                    + "are expanded",
                at: node.range, notes: [.init("aliases that repeat aliases grow exponentially")])
            return false
        }
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return true
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return true
        }
        guard let key = stack[top].pendingKey else {
            guard node.scalar != nil else {
                fail(
                    .complexKey, "mapping keys must be plain strings, not \(node.kindDescription)",
                    at: node.range)
                return false
            }
            stack[top].pendingKey = node
            return true
        }
        stack[top].pendingKey = nil
        let name = key.scalar?.text ?? ""
        if let first = stack[top].seen[name] {
            diagnostics.append(
                .error(
                    .duplicateKey, "duplicate key '\(name)'", at: key.range,
                    notes: [.init("'\(name)' first defined here", at: first)]))
        } else {
            stack[top].seen[name] = key.range
            stack[top].pairs.append(YAMLPair(key: key, value: node))
        }
        return true
    }

    /// The tag in short form (`!!str`); nil after reporting one this composer does not support.
    /// An empty string stands for "no tag".
    private mutating func checkedTag(
        _ pointer: UnsafeMutablePointer<yaml_char_t>?, at range: SourceRange
    ) -> String? {
        guard let tag = string(pointer) else { return "" }
        let prefix = "tag:yaml.org,2002:"
        let short = tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
        guard ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq"].contains(short)
        else {
            fail(.unsupportedTag, "unsupported tag '\(short)'", at: range)
            return nil
        }
        return short
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private mutating func reportSyntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var notes: [Diagnostic.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            notes.append(.init(context, at: range(parser.context_mark)))
        }
        let mark = parser.problem_mark
        fail(.yamlSyntax, problem, at: range(mark), notes: notes)
    }

    private mutating func fail(
        _ id: DiagnosticID, _ message: String, at range: SourceRange,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(id, message, at: range, notes: notes))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }

    private func range(_ mark: yaml_mark_t) -> SourceRange {
        SourceRange(at: location(mark))
    }

    private func range(line: Int, column: Int) -> SourceRange {
        SourceRange(at: location(line: line, column: column))
    }
}
