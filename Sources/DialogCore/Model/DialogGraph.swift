import Understanding

/// Every dialog of a folder, linked into one graph. Built only by `DialogLoader`, and only when valid.
public struct DialogGraph: Sendable {
    public var dialogs: [String: DialogInfo]
    /// Dialog ids in file-name order.
    public var dialogOrder: [String]
    public var nodes: NodeTable
    /// All node ids, dialog by dialog in file order.
    public var nodeOrder: [NodeID]
    public var slots: [String: SlotDefinition]
    /// Slot names in declaration order (files in name order).
    public var slotOrder: [String]
    /// Highest priority first, then declaration order.
    public var interrupts: [Interrupt]
    public var documents: [String: DocumentTemplate]
    public var documentOrder: [String]
    public var properties: [PathProperty]
    /// Where the conversation starts: `main`'s start node, or the only dialog's.
    public var entry: NodeID
    /// The language data beside the dialogs (`language/en/`): concepts, context and red flags. Nil for a
    /// folder without one (interrupts then match their keywords only).
    public var language: LanguageData? = nil
    /// The sources file beside the dialogs (`sources.json`): what document items cite, and the review
    /// dates printed at the end of every document. Nil for a folder without one.
    public var sources: SourceCatalog? = nil
    /// What the program says by itself: the folder's `messages.json`, else the shipped English.
    public var messages: Messages = .english
    /// The phrases of every command (the language data's `commands`; a command it leaves out answers to
    /// its name).
    public var commands: CommandTable = .defaults

    package init(
        dialogs: [String: DialogInfo], dialogOrder: [String], nodes: NodeTable, nodeOrder: [NodeID],
        slots: [String: SlotDefinition], slotOrder: [String], interrupts: [Interrupt],
        documents: [String: DocumentTemplate], documentOrder: [String], properties: [PathProperty], entry: NodeID,
        language: LanguageData? = nil, sources: SourceCatalog? = nil, messages: Messages = .english
    ) {
        self.dialogs = dialogs
        self.dialogOrder = dialogOrder
        self.nodes = nodes
        self.nodeOrder = nodeOrder
        self.slots = slots
        self.slotOrder = slotOrder
        self.interrupts = interrupts
        self.documents = documents
        self.documentOrder = documentOrder
        self.properties = properties
        self.entry = entry
        self.language = language
        self.sources = sources
        self.messages = messages
    }

    public subscript(id: NodeID) -> Node? { nodes[id] }

    /// The slot's type, or nil for an unknown slot.
    public func slotType(_ name: String) -> SlotType? { slots[name]?.type }
}
