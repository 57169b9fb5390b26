import DialogCore

/// Reads one JSON object against the format: reports unknown keys (with a hint), missing keys and
/// wrong types, so every authored key is checked exactly once.
struct ShapeReader {
    /// The parsed file, and the object's entry in it.
    let tree: JSONTree
    let object: Int
    /// The file the object is in (JSON entries carry only a line and column).
    let file: String
    /// Where the object starts (built when asked for: a reader holds as few references as it can).
    var location: SourceLocation { tree.location(object, in: file) }
    /// The object's pointer is `base`, then `/listKey`, then `/index`: list items (options, edges,
    /// rules) build theirs only when a diagnostic needs it.
    private let base: String
    private let listKey: StaticString?
    private let index: Int?
    let sink: DiagnosticSink
    /// Allowed keys the object lacks but has a misspelling of (`"repromt"` for `"reprompt"`): the
    /// unknown key is the cause, so what the missing key would imply is not reported as well.
    private(set) var misspelt: [String] = []

    /// Whether `key` is absent because the object spells it wrong (reported as E010 already).
    func isMisspelt(_ key: StaticString) -> Bool { !misspelt.isEmpty && misspelt.contains(key.description) }

    /// The object's RFC 6901 pointer.
    var pointer: String { Self.pointer(base, listKey, index) }

    /// `base`, then `/key` when there is one, then `/index` when there is one.
    private static func pointer(_ base: String, _ key: StaticString?, _ index: Int?) -> String {
        let keyed = key.map { join(base, $0) } ?? base
        guard let index else { return keyed }
        return Pointer.join(keyed, index)
    }

    /// Checks the keys of entry `node` of `tree`. Returns nil (after reporting) when it is not an object.
    init?(
        _ node: Int, in tree: JSONTree, file: String, pointer: String, what: @autoclosure () -> String, allowed: [StaticString],
        required: [StaticString], sink: DiagnosticSink
    ) {
        self.init(
            node, in: tree, file: file, base: pointer, listKey: nil, index: nil, what: what(), allowed: allowed,
            required: required, sink: sink)
    }

    /// The reader of the object `key` in the object at `base` (its pointer built only when needed).
    init?(
        _ node: Int, in tree: JSONTree, file: String, member key: StaticString, of base: String,
        what: @autoclosure () -> String, allowed: [StaticString], required: [StaticString], sink: DiagnosticSink
    ) {
        self.init(
            node, in: tree, file: file, base: base, listKey: key, index: nil, what: what(), allowed: allowed,
            required: required, sink: sink)
    }

    /// The reader of item `index` of the list `key` in the object at `base` (its pointer built only when needed).
    init?(
        _ node: Int, in tree: JSONTree, file: String, item index: Int, of key: StaticString, in base: String,
        what: @autoclosure () -> String, allowed: [StaticString], required: [StaticString], sink: DiagnosticSink
    ) {
        self.init(
            node, in: tree, file: file, base: base, listKey: key, index: index, what: what(), allowed: allowed,
            required: required, sink: sink)
    }

    private init?(
        _ node: Int, in tree: JSONTree, file: String, base: String, listKey: StaticString?, index: Int?,
        what: @autoclosure () -> String, allowed: [StaticString], required: [StaticString], sink: DiagnosticSink
    ) {
        self.base = base
        self.listKey = listKey
        self.index = index
        guard tree.kind(node) == .object else {
            let pointer = Self.pointer(base, listKey, index)
            sink.report(
                .wrongType, tree.location(node, in: file), pointer,
                "\(what()) must be an object, not \(tree.typeAndValue(node))")
            return nil
        }
        self.tree = tree
        self.object = node
        self.file = file
        self.sink = sink
        for k in tree.unknownKeys(node, allowed: allowed) {
            let key = tree.string(k)
            let names = allowed.map(\.description)
            let close = Suggestion.closest(to: key, in: names)
            if let close, let known = allowed.first(where: { $0.description == close }), tree.member(node, known) == nil {
                misspelt.append(close)
            }
            let hint = close.map { "did you mean '\($0)'?" }
                ?? "allowed keys here: " + names.joined(separator: ", ")
            sink.report(
                .unknownKey, tree.location(k, in: file), Pointer.join(pointer, key),
                "unknown key '\(key)' in \(what())", hint: hint)
        }
        for key in required where tree.member(node, key) == nil && !isMisspelt(key) {
            sink.report(
                .missingKey, location, pointer, "\(what()) is missing the required key '\(key)'",
                hint: "add \"\(key)\" to it")
        }
    }

    /// The pointer of member `key` (a format key: no `~` or `/` to escape).
    func pointer(_ key: StaticString) -> String { Self.join(pointer, key) }

    /// `base/key` for a format key (no `~` or `/` to escape).
    static func join(_ base: String, _ key: StaticString) -> String {
        key.withUTF8Buffer { join(base, plain: $0) }
    }

    /// `Pointer.join` (kept as the reader's name for it; the escaping scan is skipped for plain keys).
    static func join(_ base: String, _ token: String) -> String {
        var token = token
        let escapes = token.withUTF8 { bytes in bytes.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") } }
        return escapes ? Pointer.join(base, token) : base + "/" + token
    }

    /// `base/token`, for a token with nothing to escape: built in one allocation.
    private static func join(_ base: String, plain token: UnsafeBufferPointer<UInt8>) -> String {
        var base = base
        return base.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + 1 + token.count) { out in
                var n = 0
                for b in head {
                    out[n] = b
                    n += 1
                }
                out[n] = UInt8(ascii: "/")
                n += 1
                for b in token {
                    out[n] = b
                    n += 1
                }
                return n
            }
        }
    }

    /// The entry of the value of member `key`, if there is one.
    subscript(key: StaticString) -> Int? { tree.member(object, key) }

    func string(_ key: StaticString, nonEmpty: Bool = true) -> Located<String>? {
        guard let node = self[key] else { return nil }
        return ShapeReader.string(node, in: tree, file: file, pointer: pointer(key), what: "'\(key)'", nonEmpty: nonEmpty, sink: sink)
    }

    /// Entry `node` as a string; `pointer` and `what` are only built when there is something to report.
    static func string(
        _ node: Int, in tree: JSONTree, file: String, pointer: @autoclosure () -> String, what: @autoclosure () -> String,
        nonEmpty: Bool = true, sink: DiagnosticSink
    ) -> Located<String>? {
        guard tree.kind(node) == .string else {
            sink.report(.wrongType, tree.location(node, in: file), pointer(), "\(what()) must be a string, not \(tree.typeAndValue(node))")
            return nil
        }
        let s = tree.string(node)
        if nonEmpty, isBlank(s) {
            sink.report(.invalidValue, tree.location(node, in: file), pointer(), "\(what()) must not be empty",
                hint: "write the text, or remove the key")
            return nil
        }
        return Located(s, tree.location(node, in: file))
    }

    /// True when every character is whitespace (or there are none); printable ASCII first decides at once.
    static func isBlank(_ s: String) -> Bool {
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return false }
        return s.allSatisfy(\.isWhitespace)
    }

    func bool(_ key: StaticString) -> Located<Bool>? {
        guard let node = self[key] else { return nil }
        guard tree.kind(node) == .bool else {
            sink.report(.wrongType, tree.location(node, in: file), pointer(key), "'\(key)' must be true or false, not \(tree.typeAndValue(node))")
            return nil
        }
        return Located(tree.bool(node), tree.location(node, in: file))
    }

    /// `true` only: keys like `"end": true` that have no meaningful false.
    func flag(_ key: StaticString) -> Located<Bool>? {
        guard let b = bool(key) else { return nil }
        if !b.value {
            sink.report(.invalidValue, b.location, pointer(key), "'\(key)' can only be true", hint: "remove the key instead of setting it to false")
            return nil
        }
        return b
    }

    func number(_ key: StaticString) -> Located<Double>? {
        guard let node = self[key] else { return nil }
        guard tree.kind(node) == .number else {
            sink.report(.wrongType, tree.location(node, in: file), pointer(key), "'\(key)' must be a number, not \(tree.typeAndValue(node))")
            return nil
        }
        return Located(tree.number(node), tree.location(node, in: file))
    }

    func integer(_ key: StaticString) -> Located<Int>? {
        guard let n = number(key) else { return nil }
        guard n.value == n.value.rounded(), abs(n.value) < 1e9 else {
            sink.report(.invalidValue, n.location, pointer(key), "'\(key)' must be a whole number",
                hint: "e.g. 3")
            return nil
        }
        return Located(Int(n.value), n.location)
    }

    /// The elements of the list `key`.
    func array(_ key: StaticString) -> JSONTree.Children? {
        guard let node = self[key] else { return nil }
        guard tree.kind(node) == .array else {
            sink.report(.wrongType, tree.location(node, in: file), pointer(key), "'\(key)' must be a list, not \(tree.typeAndValue(node))")
            return nil
        }
        return tree.elements(node)
    }

    func strings(_ key: StaticString) -> [Located<String>]? {
        guard let items = array(key) else { return nil }
        var strings: [Located<String>] = []
        strings.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let s = ShapeReader.string(item, in: tree, file: file, pointer: Pointer.join(pointer(key), i), what: "each entry of '\(key)'", sink: sink) {
                strings.append(s)
            }
        }
        return strings
    }

    /// A string, or a list of strings (for `say`).
    func stringOrStrings(_ key: StaticString) -> [Located<String>]? {
        guard let node = self[key] else { return nil }
        if tree.kind(node) == .string {
            return ShapeReader.string(node, in: tree, file: file, pointer: pointer(key), what: "'\(key)'", sink: sink).map { [$0] }
        }
        guard tree.kind(node) == .array else {
            sink.report(
                .wrongType, tree.location(node, in: file), pointer(key),
                "'\(key)' must be a string or a list of strings, not \(tree.typeAndValue(node))")
            return nil
        }
        let items = tree.elements(node)
        guard items.count > 0 else {
            sink.report(
                .invalidValue, tree.location(node, in: file), pointer(key), "'\(key)' is an empty list",
                hint: "give at least one phrasing, or remove the key")
            return nil
        }
        var strings: [Located<String>] = []
        strings.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let s = ShapeReader.string(item, in: tree, file: file, pointer: Pointer.join(pointer(key), i), what: "each variant of '\(key)'", sink: sink) {
                strings.append(s)
            }
        }
        return strings
    }

    /// The entry of the object `key`.
    func object(_ key: StaticString) -> Int? {
        guard let node = self[key] else { return nil }
        guard tree.kind(node) == .object else {
            sink.report(.wrongType, tree.location(node, in: file), pointer(key), "'\(key)' must be an object, not \(tree.typeAndValue(node))")
            return nil
        }
        return node
    }
}

/// A value with where it was written.
struct Located<T> {
    var value: T
    var location: SourceLocation
    init(_ value: T, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension JSONValue {
    /// "a number (3)", "a string ('x')", for messages.
    var typeAndValue: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let n): return "a number (\(Value.format(n)))"
        case .string(let s): return "a string ('\(s.count > 30 ? String(s.prefix(30)) + "…" : s)')"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Id syntax shared by dialogs, nodes, slots, documents and interrupts.
enum Identifier {
    /// `[a-z][a-z0-9_]*`
    static func isSimple(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard let first = bytes.first, first >= 97, first <= 122 else { return false }
            return bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        }
    }
    /// Simple identifiers joined by dots.
    static func isSlotName(_ s: String) -> Bool {
        var s = s
        return s.withUTF8(isSlotName)
    }

    private static func isSlotName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var atPartStart = true
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if atPartStart { return false }
                atPartStart = true
            } else if atPartStart {
                guard b >= 97, b <= 122 else { return false }
                atPartStart = false
            } else if !((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95) {
                return false
            }
        }
        return !atPartStart
    }
}
