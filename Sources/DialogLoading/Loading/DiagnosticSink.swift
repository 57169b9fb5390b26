import DialogCore

/// Collects diagnostics during one load. Local to a load call: never shared, never global.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    func report(
        _ code: DiagnosticCode, _ location: SourceLocation, _ pointer: String, _ message: String, hint: String? = nil
    ) {
        items.append(Diagnostic(code, location, pointer: pointer, message, hint: hint))
    }

    func append(contentsOf diagnostics: [Diagnostic]) { items.append(contentsOf: diagnostics) }

    func count(of codes: Set<DiagnosticCode>) -> Int { items.filter { codes.contains($0.code) }.count }
}

/// RFC 6901 pointers.
enum Pointer {
    static func join(_ base: String, _ token: String) -> String {
        base + "/" + JSONByteParser.escapePointer(token)
    }
    static func join(_ base: String, _ index: Int) -> String { base + "/" + String(index) }
    /// `base`, or `base/index` when there is an index.
    static func join(_ base: String, _ index: Int?) -> String { index.map { join(base, $0) } ?? base }
}

extension SourceLocation {
    /// The location `offset` scalars into a JSON string whose opening quote is here.
    func inString(offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + 1 + offset)
    }
}
