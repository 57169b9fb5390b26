/// A document laid out for rendering, once per engine: its conditions compiled to slot positions, and
/// every item's text as pieces, each placeholder already resolved to its slot's position among the values
/// read once per rendering, its fallback and its slot type. A rendering then hashes each slot name once,
/// whatever the number of placeholders. (Pieces stay `String`s appended to a `String`: a byte buffer turned
/// into a `String` at the end costs more, since the non-ASCII text must then be validated again.)
final class DocumentPlan: Sendable {
    /// The slots the conditions and placeholders read, in first-use order (conditions first).
    let slots: [String]
    /// Per item, its compiled `when` (nil: always included).
    let conditions: [CompiledCondition?]
    /// The title's pieces.
    let title: [Piece]
    /// Per item, what `DocumentRenderer` writes: its lead (after a blank line unless the item and the one
    /// before it are both list items), then its pieces.
    let items: [Item]
    /// UTF-8 bytes of every item's lead and text: room for any rendering's items, short of answers.
    let length: Int

    /// Part of a text: as written, or a placeholder.
    enum Piece: Sendable {
        case text(String)
        /// `slot` is the position in `slots`; `name` goes to `missing` when unanswered without a fallback.
        case slot(Int, name: String, fallback: String?, type: SlotType?, format: Template.Format)
        /// A `choose` segment: `then` when the condition holds, else `otherwise`.
        case choose(CompiledCondition, then: [Piece], otherwise: [Piece])
    }

    struct Item: Sendable {
        var isList: Bool
        /// "\n" + lead, and the text when it has no placeholder.
        var afterBreak: String
        /// lead, and the text when it has no placeholder.
        var inList: String
        /// The text's pieces when it has a placeholder (empty otherwise: the leads hold the text).
        var pieces: [Piece]
    }

    /// `slotType` gives a slot's declared type (for option labels): the graph's.
    init(_ document: DocumentTemplate, slotType: (String) -> SlotType?) {
        var names: [String] = []
        var index: [String: Int] = [:]
        conditions = document.items.map { item in
            item.condition.map { CompiledCondition($0, names: &names, index: &index) }
        }
        func pieces(_ template: Template) -> [Piece] { Self.pieces(template.segments, names: &names, index: &index, slotType: slotType) }
        title = pieces(document.title)
        var length = 0
        items = document.items.map { item in
            let lead = "\n" + document.marks.lead(item.kind)
            var constant: String?
            switch item.template.segments.count {
            case 0: constant = ""
            case 1: if case .text(let text) = item.template.segments[0] { constant = text }
            default: break
            }
            let own = lead + (constant ?? "")
            length += own.utf8.count + 1 + item.template.textLength
            return Item(
                isList: item.kind == .bullet || item.kind == .check, afterBreak: "\n" + own, inList: own,
                pieces: constant == nil ? pieces(item.template) : [])
        }
        slots = names
        self.length = length
    }

    /// A text's segments as pieces: each placeholder's slot and each condition's slots given a position
    /// in `names` (new names appended, `index` their positions), each condition compiled.
    static func pieces(
        _ segments: [Template.Segment], names: inout [String], index: inout [String: Int], slotType: (String) -> SlotType?
    ) -> [Piece] {
        segments.map { segment in
            switch segment {
            case .text(let text): return .text(text)
            case .slot(let name, let fallback, let format):
                let at: Int
                if let known = index[name] {
                    at = known
                } else {
                    at = names.count
                    index[name] = at
                    names.append(name)
                }
                return .slot(at, name: name, fallback: fallback, type: slotType(name), format: format)
            case .choose(let c, let then, let otherwise):
                let condition = CompiledCondition(c, names: &names, index: &index)
                return .choose(
                    condition, then: pieces(then, names: &names, index: &index, slotType: slotType),
                    otherwise: pieces(otherwise, names: &names, index: &index, slotType: slotType))
            }
        }
    }
}
