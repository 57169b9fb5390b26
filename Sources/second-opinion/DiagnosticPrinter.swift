import DialogLoading

/// Prints diagnostics the same way for every command ("one truth").
enum DiagnosticPrinter {
    static func printText(_ diagnostics: [Diagnostic], to handle: StandardStream) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        handle.write(TerminalText.clean(text))  // messages quote the dialog files
    }

    static func printCounts(_ diagnostics: [Diagnostic], to handle: StandardStream) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let text = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        handle.write(text)
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var code, severity, file: String
            var line, column: Int
            var pointer, message: String
            var hint: String?
        }
        struct Report: Encodable {
            var errors, warnings: Int
            var diagnostics: [Entry]
        }
        let entries = diagnostics.map {
            Entry(
                code: $0.code.rawValue, severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                column: $0.location.column, pointer: $0.pointer, message: $0.message, hint: $0.hint)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Report(errors: errors, warnings: diagnostics.count - errors, diagnostics: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
