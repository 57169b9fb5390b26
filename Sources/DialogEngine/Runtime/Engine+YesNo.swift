extension Engine {
    /// A yes/no reply read exactly as every bool question reads its answer (`AnswerMatcher`, after the
    /// same cleaning of the typed line): true for yes, false for no, nil when it is not clearly either
    /// (a front end then asks again). For a driver's own questions, such as "Continue it?".
    public static func readYesNo(_ line: String) -> Bool? {
        guard line.utf8.count <= maxInputBytes else { return nil }
        if case .matched(.bool(let yes)) = AnswerMatcher(type: .bool).match(InputCleaner.clean(line)) { return yes }
        return nil
    }

    /// A typed line as the engine reads it: escape sequences and control characters removed, spaces
    /// collapsed (for a driver that writes typed lines down, such as a recording or the history).
    public static func cleanedLine(_ line: String) -> String {
        InputCleaner.clean(line)
    }
}
