import DialogCore
import Understanding

/// How long a long line takes to understand: lines of 2,000 characters (the most a turn accepts),
/// rambling, with an emergency in the middle or none, read by the language alone and typed at a prompt
/// through the whole engine.
struct LongLines {
    let engine: Engine

    /// 2,000-character lines: a rambling answer, the same with a stroke described in the middle, and
    /// one long run of one word.
    static var lines: [String] {
        let ramble = "well the doctor said it was probably nothing and the waiting list is long, my husband thinks I should ask again but "
        func fill(_ middle: String) -> String {
            var s = ""
            while s.count + middle.count < 2_000 { s += ramble }
            let half = s.index(s.startIndex, offsetBy: s.count / 2)
            var line = String(s[..<half]) + middle + String(s[half...])
            line = String(line.prefix(2_000))
            return line
        }
        return [fill(""), fill(" and now her face is drooping and she can't lift her arm "), String(repeating: "chest ", count: 333)]
    }

    /// A 2,000-character answer told in many short sentences, each of which the free-text reader can
    /// take as its own part.
    static var sentences: String {
        let told = "The doctor said it was probably nothing. My husband thinks I should ask again. The waiting list is long. "
        var s = ""
        while s.count + told.count < 2_000 { s += told }
        return String(s.prefix(2_000))
    }

    func measure(minTime: Duration, scale: Double) -> (read: Stopwatch.Runs, turn: Stopwatch.Runs, choice: Stopwatch.Runs, sentences: Stopwatch.Runs) {
        let lines = Self.lines
        let language = engine.graph.language?.language
        let read = Stopwatch.measure(warmup: 3, minIterations: Int(300 * scale) + 1, maxIterations: 100_000, minTime: minTime) {
            var n = 0
            for line in lines { n &+= language?.read(line).findings.count ?? 0 }
            return n
        }
        // A whole turn for each line, at a question (each run from the same state).
        func turns(at node: String, _ lines: [String]) -> Stopwatch.Runs {
            var state = EngineState(seed: 1)
            state.position = NodeID(dialog: "diagnosis", node: node)
            let start = state
            return Stopwatch.measure(warmup: 3, minIterations: Int(300 * scale) + 1, maxIterations: 100_000, minTime: minTime) {
                var n = 0
                for line in lines { n &+= engine.step(start, .line(line)).1.count }
                return n
            }
        }
        let turn = turns(at: "ask_words", lines)
        // The same lines at a choice question, and the sentences at the free-text question.
        let choice = turns(at: "ask_course", lines)
        let sentences = turns(at: "ask_words", [Self.sentences])
        return (read, turn, choice, sentences)
    }
}
