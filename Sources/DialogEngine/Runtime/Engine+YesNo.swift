extension Engine {
    /// A yes/no reply read exactly as every bool question reads its answer (`AnswerMatcher`, after the
    /// same cleaning of the typed line): true for yes, false for no, nil when it is not clearly either
    /// (a front end then asks again). For a driver's own questions, such as "Continue it?".
    public static func readYesNo(_ line: String) -> Bool? {
        guard line.utf8.count <= maxInputBytes else { return nil }
        if case .matched(.bool(let yes)) = AnswerMatcher(type: .bool).match(InputCleaner.clean(line)) { return yes }
        return nil
    }
}
