extension StringProtocol {
    /// The text without leading and trailing blanks: spaces, tabs and other Unicode space separators
    /// (what Foundation's `trimmingCharacters(in: .whitespaces)` removes, without loading Foundation).
    public func trimmingBlanks() -> String {
        guard let (first, last) = nonBlankBounds(unicodeScalars) else { return "" }
        return String(String.UnicodeScalarView(unicodeScalars[first...last]))
    }
}

extension String {
    /// `trimmingBlanks()` for a `String` itself, specialized here so callers in other modules do not
    /// run the generic version; a line with nothing to trim is returned as it is.
    public func trimmingBlanks() -> String {
        guard let (first, last) = nonBlankBounds(unicodeScalars) else { return "" }
        if first == unicodeScalars.startIndex, last == unicodeScalars.index(before: unicodeScalars.endIndex) { return self }
        return String(unicodeScalars[first...last])
    }
}

/// The first and last scalars that are not blanks, or nil when there are none.
private func nonBlankBounds<Scalars: BidirectionalCollection<Unicode.Scalar>>(_ scalars: Scalars) -> (Scalars.Index, Scalars.Index)? {
    guard let first = scalars.firstIndex(where: { !isBlankScalar($0) }),
        let last = scalars.lastIndex(where: { !isBlankScalar($0) })
    else { return nil }
    return (first, last)
}

/// A space, a tab, or another Unicode space separator (Zs).
private func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
}
