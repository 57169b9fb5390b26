/// Everything the program says by itself (not a dialog's `say`): goodbyes, "Okay, let's leave that one.",
/// what a question accepts, the help text, the "Continue it?" prompt. A dialog folder's `messages.json`
/// gives its own wording (`{ "messages": { "goodbye": "…" } }`); a key it leaves out keeps the shipped
/// English below. A message may name the parts the program fills in as `{name}` (`{options}`).
public struct Messages: Sendable, Hashable {
    /// The keys, each with its shipped English and the `{parts}` the program fills in.
    public enum Key: String, Sendable, CaseIterable {
        case goodbye = "goodbye"
        case conversationOver = "conversation.over"
        case conversationEnded = "conversation.ended"
        case questionLeft = "question.left"
        case questionLeftForNow = "question.left_for_now"
        case questionOnceMore = "question.once_more"
        case questionAgain = "question.again"
        case answerEmpty = "answer.empty"
        case answerNeeded = "answer.needed"
        case heardBoth = "answer.heard_both"
        case heardNot = "answer.heard_not"
        case heardOtherUnit = "answer.heard_other_unit"
        case heardNotAnAge = "answer.heard_not_an_age"
        case didYouMean = "answer.did_you_mean"
        case noted = "answer.noted"
        case keptAfterCheck = "answer.kept_after_check"
        case outOfRange = "answer.out_of_range"
        case tooLong = "answer.too_long"
        case placeAmbiguous = "place.ambiguous"
        case placeWhichCountry = "place.which_country"
        case acceptsBool = "accepts.bool"
        case acceptsChoice = "accepts.choice"
        case acceptsMulti = "accepts.multi"
        case acceptsNumber = "accepts.number"
        case acceptsText = "accepts.text"
        case help = "help"
        case whyNoQuestion = "why.no_question"
        case whyNoReason = "why.no_reason"
        case backNothing = "back.nothing"
        case backDone = "back.done"
        case restartDone = "restart.done"
        case summaryEmpty = "summary.empty"
        case summaryHeading = "summary.heading"
        case resumeAsk = "resume.ask"
        case resumeWelcomeBack = "resume.welcome_back"
        case resumeYesOrNo = "resume.yes_or_no"
        case sessionKept = "session.kept"
        case listAnd = "list.and"
        case listOr = "list.or"
        case filterAbout = "filter.about"
        case overviewAbstract = "overview.abstract"
        case overviewDiscussion = "overview.discussion"
        case resumeQuestionChanged = "resume.question_changed"
        case resumeChangedTooMuch = "resume.changed_too_much"
        case resumeDroppedOne = "resume.dropped_one"
        case resumeDroppedMany = "resume.dropped_many"
        case resumeAskingAgain = "resume.asking_again"
        case resumeStartingAgain = "resume.starting_again"
        case faultNoWayOn = "fault.no_way_on"
        case faultMissingNode = "fault.missing_node"
        case faultLoop = "fault.loop"

        /// The shipped English.
        public var english: String {
            switch self {
            case .goodbye: return "Goodbye. Take care of yourself."
            case .conversationOver: return "(The conversation is over. Type save to keep your documents, back to change an answer, or quit.)"
            case .conversationEnded: return "This conversation has ended. Type restart to begin again, save to keep your documents, or quit."
            case .questionLeft: return "Okay, let's leave that one."
            case .questionLeftForNow: return "Let's leave that one for now. You can type back to return to it."
            case .questionOnceMore: return "Let's try this one once more. Type help to see what you can do."
            case .questionAgain: return "I still didn't catch that."
            case .answerEmpty: return "I didn't catch an answer."
            case .answerNeeded: return "I need an answer to this one to go on."
            case .heardBoth: return "That sounded like both a yes and a no."
            case .heardNot: return "I understood what it isn't ({options}), but not what it is."
            case .heardOtherUnit: return "That number doesn't sound like a length of time."
            case .heardNotAnAge: return "That number doesn't sound like an age."
            case .didYouMean: return "Did you mean {options}? Please type the one you meant."
            case .noted: return "I've noted: {options}."
            case .keptAfterCheck: return "I've kept what you wrote as your answer."
            case .outOfRange: return "That is {number}, outside what this question takes ({range})."
            case .tooLong: return "That answer is too long{count}. Please keep it under {limit} characters."
            case .placeAmbiguous: return "That name fits more than one country ({countries}). Which country is it in?"
            case .placeWhichCountry: return "Which country is it? Its name is enough, so I can give you the right numbers."
            case .acceptsBool: return "This question takes yes or no."
            case .acceptsChoice: return "Type an option's number or its name."
            case .acceptsMulti: return "Type one or more options, like \"1, 3\", or \"none\"."
            case .acceptsNumber: return "Type a number ({range})."
            case .acceptsText: return "Type your answer in your own words."
            case .help:
                return """
                    You can also type:
                      back      undo your last answer
                      why       why I am asking this
                      summary   your answers so far
                      save      save your documents to a file (save FILE to choose the name)
                      restart   start again
                      quit      leave
                    Say "not sure" or "skip" to leave a question unanswered.
                    This is general information, not medical advice. In an emergency, call your local emergency number.
                    """
            case .whyNoQuestion: return "There is no open question right now."
            case .whyNoReason: return "This question has no stated reason. You can skip it by typing 'skip'."
            case .backNothing: return "There is nothing to go back to yet."
            case .backDone: return "Going back one step."
            case .restartDone: return "Starting again from the beginning."
            case .summaryEmpty: return "You haven't answered any questions yet."
            case .summaryHeading: return "Your answers so far:"
            case .resumeAsk: return "You have an unfinished conversation from before. Continue it? (yes/no)"
            case .resumeWelcomeBack: return "Welcome back. Here is where we were:"
            case .resumeYesOrNo: return "Please answer yes or no."
            case .sessionKept:
                return "Your conversation is saved on this computer. To pick it up where you left off, run second-opinion again; to delete it, run second-opinion forget."
            case .listAnd: return "and"
            case .listOr: return "or"
            case .filterAbout: return "about"
            case .overviewAbstract: return "Helps you decide whether to get a second medical opinion, and prepares you for it."
            case .overviewDiscussion:
                return """
                    General information, not medical advice. In an emergency call your local emergency number.
                    Everything you type stays on this computer.
                    """
            case .resumeQuestionChanged: return "The question you were on has changed; continuing from the nearest earlier one."
            case .resumeChangedTooMuch: return "The conversation has changed too much to continue where you were."
            case .resumeDroppedOne: return "Dropped 1 answer that no longer fits the dialogs: {answers}."
            case .resumeDroppedMany: return "Dropped {count} answers that no longer fit the dialogs: {answers}."
            case .resumeAskingAgain: return "Asking again from {node}."
            case .resumeStartingAgain: return "Starting again from the beginning, keeping the answers that still apply."
            case .faultNoWayOn: return "The dialog has no way on from '{node}'. This is a fault in the dialog files; please report it."
            case .faultMissingNode: return "The dialog refers to a missing node '{node}'. This is a fault in the dialog files; please report it."
            case .faultLoop: return "The dialog went round {steps} steps without asking anything. This is a fault in the dialog files; please report it."
            }
        }

        /// The `{parts}` the program fills in; a message may use any of them, and no others.
        public var parts: [String] {
            switch self {
            case .didYouMean, .noted, .heardNot: return ["options"]
            case .faultNoWayOn, .faultMissingNode: return ["node"]
            case .faultLoop: return ["steps"]
            case .resumeDroppedOne: return ["answers"]
            case .resumeDroppedMany: return ["count", "answers"]
            case .resumeAskingAgain: return ["node"]
            case .outOfRange: return ["number", "range"]
            case .tooLong: return ["count", "limit"]
            case .placeAmbiguous: return ["countries"]
            case .acceptsNumber: return ["range"]
            default: return []
            }
        }
    }

    /// The folder's own wording, by key (only keys of `Key`).
    public var texts: [String: String]

    public init(texts: [String: String] = [:]) {
        self.texts = texts
    }

    /// The shipped English for every key.
    public static let english = Messages()

    /// The text of `key`, with each `{part}` filled in from `parts`.
    public func text(_ key: Key, _ parts: [String: String] = [:]) -> String {
        let raw = texts[key.rawValue] ?? key.english
        guard !parts.isEmpty else { return raw }
        var out = raw
        for (name, value) in parts { out = out.replacing("{" + name + "}", with: value) }
        return out
    }

    public subscript(_ key: Key) -> String { text(key) }

    /// The `{name}` parts a text names, in order.
    public static func partsNamed(in text: String) -> [(name: String, offset: Int)] {
        var found: [(String, Int)] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", let close = scalars[(i + 1)...].firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                if !name.isEmpty, name.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }) {
                    found.append((name, i))
                    i = close + 1
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// A complete messages file with this wording (the shipped English where the folder gives none), every
    /// key in catalogue order: what `second-opinion new` writes and `Dialogs/messages.json` holds.
    public func fileText(schema: String? = "../schema/messages.schema.json") -> String {
        var out = "{\n"
        if let schema { out += "  \"$schema\": \(Self.quoted(schema)),\n" }
        out += "  \"$comment\": \"What the program says by itself. Change the wording here, not in Swift; {parts} are filled in by the program.\",\n"
        out += "  \"messages\": {\n"
        let keys = Key.allCases
        for (i, key) in keys.enumerated() {
            out += "    \(Self.quoted(key.rawValue)): \(Self.quoted(text(key)))" + (i == keys.count - 1 ? "\n" : ",\n")
        }
        return out + "  }\n}\n"
    }

    /// `s` as a JSON string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
