import DialogCore

/// A dialog file after shape checks, before references are linked. Strings keep their locations.
struct RawDialog {
    var file: String
    var id: Located<String>
    var title: String?
    var start: Located<String>?
    var slots: [RawSlot] = []
    var nodes: [RawNode] = []
    var interrupts: [RawInterrupt] = []
    var documents: [RawDocument] = []
    var properties: [RawProperty] = []
    /// `defaults`: what a question of this dialog that leaves out `skip` or `attempts` uses.
    var defaultSkip: Bool?
    var defaultAttempts: Located<Int>?
}

struct RawSlot {
    var name: Located<String>
    var type: SlotType
    var label: String
    var units: [String: Double] = [:]
    var inSummary = true
    /// `"ordered": true` on a choice slot: conditions may compare its options by their place in the list.
    var ordered = false
    /// A number slot's own unit (`"unit": ["month", "months"]`): one and more than one.
    var unit: (one: String, other: String)?
    /// Each option's label and synonyms, for overlap checks: (option value, text, where, which option
    /// and which synonym; nil for the label).
    var optionWords: [(value: String, text: String, location: SourceLocation, option: Int, synonym: Int?)] = []

    /// The pointer of an option's label, or of one of its synonyms.
    func optionPointer(_ option: Int, synonym: Int?) -> String {
        let base = Pointer.join(ShapeReader.join("/slots", name.value) + "/options", option)
        guard let synonym else { return base + "/label" }
        return Pointer.join(base + "/synonyms", synonym)
    }
}

/// A class, not a struct: a node has some thirty reference-counted fields, and the linker's passes
/// over it should share one copy rather than retain and release every field each time.
final class RawNode {
    let name: Located<String>
    let objectLocation: SourceLocation
    var set: [(slot: Located<String>, value: JSONNode)] = []
    var say: [RawSay] = []
    var documents: [Located<String>] = []
    var ask: RawAsk?
    var why: Located<String>?
    var next: [RawEdge]?
    var call: Located<String>?
    var returns = false
    /// `pause`: a `return` that stops the conversation for now.
    var pause = false
    var end = false
    /// A way on (`next`, `call`, `return`, `pause`, `end`) is spelt wrong: its E010 is the cause, so "no way on" is not reported.
    var misspeltExit = false

    /// The node's pointer, built only when asked for (lint facts keep the name and build it when they report).
    var pointer: String { Self.pointer(name.value) }

    /// The pointer of the node called `name`.
    static func pointer(_ name: String) -> String { ShapeReader.join("/nodes", name) }

    init(name: Located<String>, objectLocation: SourceLocation) {
        self.name = name
        self.objectLocation = objectLocation
    }
}

/// One variant of a `say`: a text, or `{ "when": …, "text": …, "else": … }`.
struct RawSay {
    var text: Located<String>
    var when: Located<String>? = nil
    var otherwise: Located<String>? = nil
    /// The `{` of the object form.
    var location: SourceLocation? = nil
}

struct RawEdge {
    var condition: Located<String>?
    var target: Located<String>
    var location: SourceLocation
    /// The edge's place in the `next` list; nil when written as a bare string `"next": "x"`.
    var index: Int?

    /// The edge's pointer, built only for diagnostics.
    func pointer(in nodePointer: String) -> String { Pointer.join(nodePointer + "/next", index) }
}

/// A class for the same reason as `RawNode`.
final class RawAsk {
    let location: SourceLocation
    /// The name of the node the question is in (shared with it: pointers are built when asked for).
    let nodeName: String
    let slot: Located<String>?
    let reprompt: Located<String>?
    let attempts: Located<Int>?
    /// Nil when left out: the dialog's default, else `main`'s, else true.
    let skip: Bool?
    var map: RawMap?
    /// The answer is a place: the country it names is looked up in the language data.
    var place = false
    /// The answer names a person: their title and name also go to `<slot>.name`.
    var person = false
    /// What a yes and a no sound like for this question: concepts of the language data (`"@companion_yes"`).
    var yes: [Located<String>] = []
    var no: [Located<String>] = []
    /// Keys spelt wrong (reported as E010): their absence is not reported again as E050 or E051.
    var misspeltReprompt = false
    var misspeltAttempts = false

    /// The question's pointer, built only for diagnostics.
    var pointer: String { ShapeReader.join(RawNode.pointer(nodeName), "ask") }

    init(
        location: SourceLocation, nodeName: String, slot: Located<String>?, reprompt: Located<String>?,
        attempts: Located<Int>?, skip: Bool?
    ) {
        self.location = location
        self.nodeName = nodeName
        self.slot = slot
        self.reprompt = reprompt
        self.attempts = attempts
        self.skip = skip
    }
}

struct RawMap {
    var location: SourceLocation
    var pointer: String
    var slot: Located<String>?
    var rules: [(value: Located<String>, keywords: [String])]
    var defaultValue: Located<String>?
    /// `"in"`: "line" (the default) or "answer".
    var reads: Located<String>?
}

struct RawInterrupt {
    var id: Located<String>
    var keywords: [String]
    var target: Located<String>
    var resume: Bool
    var urgent: Bool
    var priority: Int
    var location: SourceLocation
    var pointer: String
    var redFlag: Located<String>? = nil
    var check: Located<String>? = nil
    var examples: [Located<String>] = []
    var questions = false
    var about: Located<String>? = nil
}

struct RawDocument {
    var id: Located<String>
    var title: Located<String>?
    var items: [RawDocumentItem]
    var location: SourceLocation
    var pointer: String
    var marks = DocumentTemplate.Marks.markdown
}

struct RawDocumentItem {
    var kind: DocumentTemplate.Kind
    var text: Located<String>
    var when: Located<String>?
    /// `else`: the text (of the same kind) shown when `when` does not hold.
    var otherwise: Located<String>? = nil
    var location: SourceLocation
    var pointer: String
    /// The item's `source`: keys of the sources file.
    var sources: [Located<String>] = []
}

struct RawProperty {
    var id: Located<String>
    var description: String
    var kind: Located<String>
    var first: Located<String>?
    var then: Located<String>?
    var node: Located<String>?
    var when: Located<String>?
    /// For `never_writes`: the phrases no document may contain.
    var phrases: [Located<String>]?
    var location: SourceLocation
    var pointer: String
}
