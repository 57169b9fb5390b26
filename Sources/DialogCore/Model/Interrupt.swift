/// A phrase that can come up at any question and jumps somewhere (a red flag, a common question).
public struct Interrupt: Sendable {
    public var id: String
    public var keywords: [String]
    public var matcher: PhraseMatcher
    public var target: NodeID
    /// When true, the target's `return` asks the interrupted question again.
    public var resume: Bool
    /// Urgent interrupts (red flags) are checked before the answer is read. Others (common
    /// questions) only when the line is not a usable answer, or reads as a question ("…?", "can I…"),
    /// so "I'd prefer online" answers the question instead of opening the "online" FAQ.
    public var urgent: Bool
    public var priority: Int
    public var location: SourceLocation
    /// The red flag (a category of the language data) that fires this interrupt, read with its context
    /// by the understanding layer; such an interrupt has no keywords.
    public var redFlag: String? = nil
    /// Where to ask whether it is happening now, when the finding's context leaves that unclear ("chest
    /// pain for months"); nil sounds the alarm instead.
    public var check: NodeID? = nil
    /// Lines that must raise this red flag (`validate` checks each; `explore` types the first, and the
    /// first about each other kind of person when `about` is set).
    public var examples: [String] = []
    /// A common question for every question typed instead of an answer that no keyword answers ("why
    /// does the country matter?", "do I need a referral from my GP for this"): it fires on a line the
    /// understanding layer reads as a question (`Language.readsAsQuestion`). Such an interrupt has no
    /// keywords; its `examples` are what `explore` types.
    public var questions = false
    /// With `redFlag`: a choice slot set, when the interrupt fires, to who the red flag is about
    /// (`Subject`: `self`, `adult`, `child` or `someone`), so the flow can speak to a bystander.
    public var about: String? = nil

    package init(
        id: String, keywords: [String], matcher: PhraseMatcher, target: NodeID, resume: Bool, urgent: Bool,
        priority: Int, location: SourceLocation, redFlag: String? = nil, check: NodeID? = nil, examples: [String] = [],
        questions: Bool = false, about: String? = nil
    ) {
        self.id = id
        self.keywords = keywords
        self.matcher = matcher
        self.target = target
        self.resume = resume
        self.urgent = urgent
        self.priority = priority
        self.location = location
        self.redFlag = redFlag
        self.check = check
        self.examples = examples
        self.questions = questions
        self.about = about
    }

    /// Where the interrupt can enter the graph: its target, and its check node if it has one.
    public var entries: [NodeID] { check.map { [target, $0] } ?? [target] }

    /// What `explore` types to fire this interrupt.
    public var samplePhrase: String? { examples.first ?? keywords.first }
}
