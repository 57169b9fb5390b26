import DialogCore

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One problem found in authored dialog files.
///
/// Printed as `Dialogs/surgery.json:14:9: error[E012]: message (hint: did you mean 'ask_type'?)`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var severity: Severity
    public var location: SourceLocation
    /// RFC 6901 pointer into the file, e.g. `/nodes/ask_type/next/0/goto`.
    public var pointer: String
    public var message: String
    /// What to do about it: the reporting place's own hint, else the code's `defaultHint` (never nil
    /// for a diagnostic made with `init`; optional so decoded JSON without one still reads).
    public var hint: String?

    public init(
        _ code: DiagnosticCode, _ location: SourceLocation, pointer: String, _ message: String,
        hint: String? = nil, severity: Severity? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.severity
        self.location = location
        self.pointer = pointer
        self.message = message
        self.hint = hint ?? code.defaultHint
    }

    public var description: String {
        var s = "\(location): \(severity.rawValue)[\(code.rawValue)]: \(message)"
        if !pointer.isEmpty { s += " [at \(pointer)]" }
        if let hint { s += " (hint: \(hint))" }
        return s
    }
}
