extension StringProtocol {
    /// The text without leading and trailing blanks: spaces, tabs and other Unicode space separators
    /// (what Foundation's `trimmingCharacters(in: .whitespaces)` removes, without loading Foundation).
    public func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlankScalar($0) }),
            let last = scalars.lastIndex(where: { !isBlankScalar($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// A space, a tab, or another Unicode space separator (Zs).
private func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
}
