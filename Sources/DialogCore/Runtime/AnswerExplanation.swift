import Understanding

extension Engine {
    /// How an answer to `question` is read, step by step, for `understand --at`: the options each part
    /// of it names (and how strongly, and what sets a part aside), or the yes and no it says.
    package static func explainAnswer(_ line: String, question: Question, graph: DialogGraph) -> [String] {
        guard let language = graph.language?.language else { return [] }
        let prepared = language.prepare(InputCleaner.clean(line))
        switch graph.slotType(question.slot) {
        case .choice(let options)?, .multi(let options)?:
            let reading = OptionReading(options: options, matcher: question.matcher, language: language, line: prepared)
            return reading.explanation.map { "answer: " + $0 }
        case .bool?:
            return language.explainYesNo(prepared, yes: question.yes, no: question.no).map { "answer: " + $0 }
        default:
            return []
        }
    }
}
