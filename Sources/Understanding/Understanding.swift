/// # Understanding
///
/// Reads what a person typed, for the engine: every red flag, command, common question and answer goes
/// through here. The stages, each built from language data (`Dialogs/language/<lang>/`):
///
/// ```
/// line → tokens with clause breaks (`TextNormalizer.clauseTokens`)
///      → words: case, accents, word forms and typos against the known vocabulary (`Lexicon`)
///      → concepts and patterns found, with their spans (`Pattern`, `PatternSet`)
///      → the context of each finding: negated, historical, hypothetical, figurative, ongoing, current, sudden, uncertain
///        (`ContextRules`, after NegEx and ConText)
///      → red flags: an alarm, a short check ("is this happening now?"), or nothing (`RedFlagRules`)
/// ```
///
/// Every decision names the rule behind it (`Rule.origin`, a file:line), so `second-opinion understand`
/// can explain it. Nothing here knows of dialogs, nodes or the engine's state: the engine asks, and this
/// module answers from its data.
public enum Understanding {}
