import DialogCore
import DialogLoading
import DialogTools

/// The REPL driver: reads lines, steps the engine, prints outputs, writes files the person asks for.
/// It holds no conversation logic; everything it shows comes from `Engine.step` (and `Engine.adopt` when a
/// saved conversation is resumed or the dialogs are reloaded), and everything it says goes to `output`.
final class ChatSession {
    /// The commands the driver performs itself, read with the engine's command table (their phrases are in
    /// the language data's `commands`, like the engine's).
    static let driverCommands: Set<CommandName> = [.reload, .saveTranscript]

    private var engine: Engine
    /// The engine's commands and the driver's, read with one table (rebuilt on `reload`).
    private var commands: CommandReader
    private let output: any ChatOutput
    private let folder: String
    private let seed: UInt64
    private let reader: any LineReading
    private let style: TerminalStyle
    private let recordPath: String?
    private let outPath: String?
    private var state: EngineState
    private var seedInUse: UInt64
    private var transcript: [Transcript.Numbered] = []
    private var store: SessionStore?
    /// Held for the whole chat while it keeps the saved conversation (`SessionLock`).
    private var lock: SessionLock?
    /// No answer goes into the history (another chat holds the saved files, or nothing can be saved).
    private var historyOff = false
    /// Another chat holds the saved conversation (`takeLock`).
    private var lockedOut = false
    private let privateMode: Bool
    /// `--force`: files the person names may replace existing ones without asking.
    private let force: Bool
    /// The transcript being recorded (`--record`), opened before the first question.
    private var recording: Recording?
    /// Set when something the person asked for could not be written (`--record`, `--out`): the exit code is then 1.
    private var writeFailed = false
    /// Whether a person is at a terminal (readline): only then is anything asked outside the dialogs.
    private let interactive: Bool
    /// Work that can wait until the first question is on screen (writing the compiled dialogs); run once.
    var afterFirstPrompt: (() -> Void)?

    init(
        engine: Engine, folder: String, seed: UInt64, reader: any LineReading, style: TerminalStyle, recordPath: String?,
        outPath: String?, store: SessionStore?, privateMode: Bool, force: Bool = false, interactive: Bool? = nil,
        output: any ChatOutput = StandardOutput()
    ) {
        self.output = output
        commands = engine.commandReader(adding: Self.driverCommands)
        self.force = force
        self.interactive = interactive ?? (reader is ReadlineReader)
        self.store = store
        self.privateMode = privateMode
        seedInUse = seed
        self.engine = engine
        self.folder = folder
        self.seed = seed
        self.reader = reader
        self.style = style
        self.recordPath = recordPath
        self.outPath = outPath
        state = EngineState(seed: seed)
    }

    /// Runs until quit or end of input; returns the exit code.
    func run(resume: Bool) -> Int32 {
        var outputs: [Output] = []
        if !takeLock() { return exitCode }
        if let recordPath, !startRecording(at: recordPath) { return 1 }
        if store == nil, !privateMode, !lockedOut {
            var reason = "\(PrivateFiles.Failure.noHomeDirectory). Set HOME to keep your answers."
            do { _ = try SessionStore.standard() } catch let failure as PrivateFiles.Failure { reason = "\(failure)." } catch {}
            write(style.warning("Nothing will be saved: \(TerminalText.clean(reason))"))
            historyOff = true
        }
        // Piped input without --resume never continues a saved conversation, so the saved file is
        // only looked at after the first question is out (to set it aside if it is damaged, before
        // this conversation's first save replaces it); decoding it first would delay the first prompt.
        let offerToContinue = resume || interactive
        let start = offerToContinue ? startFromSavedSession(resume: resume) : .fresh
        if start == .stop {
            write(style.dim("Your saved conversation is kept for next time."))
            return exitCode
        }
        if start == .fresh {
            (state, outputs) = engine.step(state, .start)
            record(outputs)
            show(outputs)
            if !offerToContinue { setAsideSavedSessionNotResumed() }
            persist()
        }
        afterFirstPrompt?()
        afterFirstPrompt = nil
        // Temporary files a killed chat left behind: only with the lock (no running chat is writing one),
        // and only for the standard folders (a store elsewhere, as in tests, has folders of its own).
        if lock != nil, let store, store.path == (try? SessionStore.standard())?.path { OwnFiles.removeStaleTemporaries() }
        while true {
            reader.completions = engine.completions(for: state, adding: Self.driverCommands)
            switch reader.readLine(prompt: style.prompt("> ")) {
            case .endOfInput:
                finish()
                write(engine.graph.messages[.goodbye])
                sayHowToContinue()
                return exitCode
            case .interrupted:
                continue
            case .line(let line):
                if keepsInHistory(line) { reader.remember(Engine.cleanedLine(line)) }
                if let command = commands.command(in: line), Self.driverCommands.contains(command.name) {
                    perform(command)
                    continue
                }
                (state, outputs) = engine.step(state, .line(line))
                persist()
                record(outputs, after: line)
                show(outputs)
                if outputs.contains(.quit) {
                    finish()
                    sayHowToContinue()
                    return exitCode
                }
            }
        }
    }

    /// Whether a typed line may go into the Up-arrow history: not a line that raised a red flag ("thinking
    /// about killing myself"), nor an answer to a question a red flag led to.
    private func keepsInHistory(_ line: String) -> Bool {
        // Only a terminal's reader keeps a history: piped lines are not looked at.
        interactive && !historyOff && !line.trimmingBlanks().isEmpty && !engine.raisesRedFlag(line)
            && !engine.isAfterRedFlag(state)
    }

    // MARK: - Sessions

    /// How a chat begins.
    enum Start {
        /// The saved conversation goes on.
        case continued
        /// A new conversation (any saved one is set aside before it is replaced).
        case fresh
        /// End of input at "Continue it?": nothing is started, the saved conversation stays as it is.
        case stop
    }

    /// Continues the saved conversation when asked to (or, at a terminal, when the person agrees).
    private func startFromSavedSession(resume: Bool) -> Start {
        guard let store else {
            if resume { write(style.warning(noSessionReason)) }
            return .fresh
        }
        switch store.load() {
        case .none:
            if resume { write(style.dim("There is no saved conversation; starting a new one.")) }
            return .fresh
        case .unusable(let reason, let keptAt):
            reportUnusable(reason: reason, keptAt: keptAt)
            return .fresh
        case .loaded(let seed, let saved):
            if saved.ended || saved.position == nil { return .fresh }
            if !resume {  // only at a terminal: piped input without --resume never comes here (see run)
                write(style.bot(engine.graph.messages[.resumeAsk]))
                switch askYesNo() {
                case true?: break
                case false?:
                    setAsideSavedSession()
                    return .fresh
                case nil:
                    return .stop
                }
            }
            seedInUse = seed
            let adoption = engine.adopt(saved)
            for note in adoption.notes { write(style.dim(TerminalText.clean(note))) }
            if adoption.outcome != .restarted { write(style.dim(engine.graph.messages[.resumeWelcomeBack])) }
            state = adoption.state
            record(adoption.outputs)
            show(adoption.outputs)
            persist()
            return .continued
        }
    }

    /// Takes the lock beside the saved conversation. When another chat holds it, says so plainly and
    /// goes on without saving anything (at a terminal, only if the person agrees); false to stop.
    private func takeLock() -> Bool {
        guard let store else { return true }
        switch SessionLock.acquire(beside: store.path) {
        case .locked(let lock):
            self.lock = lock
            return true
        case .unavailable:
            return true  // e.g. a read-only disk: saving will fail too, and say so
        case .held:
            write(style.warning("Another second-opinion conversation is open (in another window or terminal) and keeps the saved conversation."))
            if interactive {
                write(style.bot("Go on here privately, saving nothing, while your other conversation stays as it is? (yes/no)"))
                guard askYesNo() == true else {
                    write("Goodbye. Your other conversation is still open.")
                    return false
                }
            } else {
                write(style.dim("This one goes on privately: nothing is saved, and the other conversation stays as it is."))
            }
            self.store = nil
            historyOff = true
            lockedOut = true
            return true
        }
    }

    /// Asks until the reply is clearly yes or no, read as every yes/no question of the dialogs is
    /// (`Engine.readYesNo`); nil at the end of input (Ctrl-D).
    private func askYesNo() -> Bool? {
        while true {
            switch reader.readLine(prompt: style.prompt("> ")) {
            case .endOfInput: return nil
            case .interrupted: continue
            case .line(let line):
                if let answer = engine.readYesNo(line) { return answer }
                write(style.bot(engine.graph.messages[.resumeYesOrNo]))
            }
        }
    }

    /// Why there is no saved conversation to continue.
    private var noSessionReason: String {
        lockedOut
            ? "The saved conversation is open in your other chat; starting a new one here."
            : privateMode
            ? "--private keeps no saved conversation; starting a new one."
            : "No saved conversation can be kept (see above); starting a new one."
    }

    /// A piped run without --resume starts a new conversation: a damaged or newer saved one is set aside
    /// (with a message), and so is an unfinished one, before this conversation's first save replaces it.
    private func setAsideSavedSessionNotResumed() {
        guard let store else { return }
        switch store.load() {
        case .unusable(let reason, let keptAt): reportUnusable(reason: reason, keptAt: keptAt)
        case .loaded(_, let saved) where !saved.ended && saved.position != nil: setAsideSavedSession()
        default: break
        }
    }

    /// Moves the saved conversation aside (never deleted here; `forget` deletes it), with a message.
    private func setAsideSavedSession() {
        guard let keptAt = store?.setAside() else { return }
        write(style.dim("Your unfinished conversation from before was kept as \(keptAt); starting a new one."))
    }

    private func reportUnusable(reason: String, keptAt: String?) {
        write(style.warning("Your saved conversation could not be used: \(reason)."))
        if let keptAt { write(style.dim("It was kept as \(keptAt). Starting a new conversation.")) }
    }

    /// Whether leaving now keeps the conversation to continue: it is saved (not private, not locked out,
    /// the last save worked) and unfinished, as `startFromSavedSession` offers it next time.
    var keepsConversation: Bool {
        store != nil && !persistFailed && !state.ended && state.position != nil
    }

    /// At Ctrl-D or `quit`: that the conversation is saved and how to pick it up or delete it, only when
    /// it is kept (`keepsConversation`).
    private func sayHowToContinue() {
        if keepsConversation { write(style.dim(engine.graph.messages[.sessionKept])) }
    }

    private var persistFailed = false
    private func persist() {
        guard let store else { return }
        do {
            try store.save(seed: seedInUse, state: state)
        } catch {
            if !persistFailed { write(style.warning("Could not save the conversation for later: \(error)")) }
            persistFailed = true
        }
    }

    // MARK: - Driver-level commands (they touch files or the dialog folder, so they live here)

    private func perform(_ command: Command) {
        switch command.name {
        case .reload:
            reload()
        case .saveTranscript:
            guard let path = command.file else {
                write(style.warning("Please name a file: save transcript FILE"))
                return
            }
            saveTranscript(to: path)
        default:
            break  // the engine's, which `Engine.step` performs
        }
    }

    /// Loads the dialog folder again and goes on with the conversation in it (`Engine.adopt`); on problems,
    /// lists them and goes on as before.
    private func reload() {
        let result = DialogLoader.load(paths: [folder])
        guard let graph = result.graph else {
            write(style.warning("The dialogs have problems; keeping the conversation as it was:"))
            write(TerminalText.clean(result.diagnostics.map(\.description).joined(separator: "\n")))
            return
        }
        let before = engine.graph
        engine = Engine(graph: graph)
        commands = engine.commandReader(adding: Self.driverCommands)
        for w in result.warnings { write(style.dim(TerminalText.clean(w.description))) }
        write(style.dim("Reloaded \(graph.dialogs.count) dialogs (\(graph.nodes.count) nodes)."))
        let adoption = engine.adopt(state, before: before)
        for note in adoption.notes { write(style.dim(TerminalText.clean(note))) }
        if adoption.outcome == .kept { write(style.dim("Your answers are kept.")) }
        state = adoption.state
        show(adoption.outputs)
        persist()
    }

    private func saveTranscript(to path: String) {
        if privateMode {
            write(style.warning("Private mode writes nothing to disk."))
            return
        }
        if let written = writeNamed(Array(transcriptText().utf8), to: path, what: "the transcript") {
            write(style.dim("Transcript saved to \(TerminalText.clean(written))."))
        }
    }

    /// Writes a file the person named, never replacing an existing file unasked (`NamedFile`): at a
    /// terminal the person is asked; otherwise, or after a no, the first free `NAME-N.ext` beside it is
    /// used, and the message says so. `--force` replaces. Returns the path written, or nil after saying why not.
    private func writeNamed(_ bytes: [UInt8], to path: String, what: String) -> String? {
        placeNamed(path, what: what) { target, replace throws(NamedFile.Failure) in
            try NamedFile.write(bytes, to: target, replace: replace)
        }.map(\.1)
    }

    /// The choice of `writeNamed` for any way of writing: `attempt(path, replace)` throws `.exists` when
    /// the path holds a file and `replace` is false.
    private func placeNamed<T>(
        _ path: String, what: String, _ attempt: (String, Bool) throws(NamedFile.Failure) -> T
    ) -> (T, String)? {
        var replace = force
        if !force, interactive, NamedFile.holdsFile(path) {
            write(style.bot("\(TerminalText.clean(path)) already exists. Replace it? (yes/no)"))
            replace = askYesNo() == true
        }
        do {
            return (try attempt(path, replace), path)
        } catch .exists {
            for n in 2...10_000 {
                let candidate = NamedFile.numbered(path, n)
                do {
                    let result = try attempt(candidate, false)
                    write(
                        style.dim(
                            "\(TerminalText.clean(path)) already exists and was left as it is; \(what) went to \(TerminalText.clean(candidate)) instead (--force replaces)."
                        ))
                    return (result, candidate)
                } catch .exists {
                    continue
                } catch {
                    write(style.warning("Could not save \(what) to \(TerminalText.clean(candidate)): \(TerminalText.clean(error.description))"))
                    return nil
                }
            }
            write(style.warning("Could not save \(what): no free name beside \(TerminalText.clean(path))"))
            return nil
        } catch {
            write(style.warning("Could not save \(what) to \(TerminalText.clean(path)): \(TerminalText.clean(error.description))"))
            return nil
        }
    }

    // MARK: - Output

    private func show(_ outputs: [Output]) {
        var previous: Output?
        for output in outputs {
            defer { previous = output }
            switch output {
            case .save(let path, let markdown):
                saveDocuments(markdown, to: path)
            case .text(_, let textStyle):
                // Answers in the text may come from a saved session file: no escape sequence is printed raw.
                let lines = OutputFormatter.lines(output, messages: engine.graph.messages).map(TerminalText.clean)
                for line in lines {
                    switch textStyle {
                    case .alert: write(style.warning(line))
                    case .info: write(style.dim(line))
                    default: write(style.bot(line))
                    }
                }
            default:
                for line in OutputFormatter.lines(output, after: previous, messages: engine.graph.messages) { write(TerminalText.clean(line)) }
            }
        }
    }

    /// Saves the documents; false when they could not be written (the reason is said).
    @discardableResult
    private func saveDocuments(_ markdown: String, to path: String?) -> Bool {
        let markdown = TerminalText.clean(markdown)
        if privateMode {
            write(style.warning("Private mode writes nothing to disk. Copy the documents from the screen instead."))
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) { write(String(line)) }
            return true
        }
        guard let path else {
            let target: String
            do {
                target = FilePaths.join(try PrivateFiles.dataDirectory(), OwnFiles.documentsName)
                try PrivateFiles.writeAtomically(markdown, to: target)
            } catch {
                write(style.warning("Could not save your documents: \(TerminalText.clean("\(error)")). Try: save FILE"))
                return false
            }
            write(style.dim("Saved your documents to \(TerminalText.clean(target)) (readable only by you)."))
            return true
        }
        let stream = NamedFile.isStream(path)
        // The message says exactly where the file went.
        guard let written = writeNamed(Array(markdown.utf8), to: stream ? path : FilePaths.absolute(path), what: "your documents")
        else { return false }
        if stream {
            write(style.dim("Wrote your documents to \(TerminalText.clean(written))."))
        } else {
            write(style.dim("Saved your documents to \(TerminalText.clean(written)) (readable only by you)."))
        }
        return true
    }

    private func finish() {
        guard let outPath else { return }
        if !saveDocuments(DocumentRenderer.renderAll(graph: engine.graph, slots: state.slots), to: outPath) { writeFailed = true }
    }

    /// 0, or 1 when a file asked for on the command line could not be written.
    private var exitCode: Int32 { writeFailed ? 1 : 0 }

    /// Writes a line (or several) to `output` (standard output but in tests), wrapped at word boundaries
    /// to the terminal's width (asked each time, so a resized window is followed); written as it is when
    /// output is not a terminal (`ChatOutput.width`).
    private func write(_ text: String) {
        let wrapped = output.width.map { TerminalText.wrap(text, width: $0) } ?? text
        output.write(wrapped + "\n")
    }

    // MARK: - Recording

    /// Starts `--record`: the header now, each turn's lines as they come. False (after saying why on
    /// stderr) when it cannot be written: the chat then does not start.
    private func startRecording(at path: String) -> Bool {
        let header = Transcript(headerPairs: transcriptHeader, numbered: []).render()
        let placed = placeNamed(path, what: "the transcript") { target, replace throws(NamedFile.Failure) in
            try Recording(path: target, text: header, replace: replace)
        }
        guard let (recording, _) = placed else {
            output.writeError("second-opinion: cannot record to \(TerminalText.clean(path)); nothing was started.\n")
            return false
        }
        self.recording = recording
        return true
    }

    /// Adds a turn to the transcript (kept for `save transcript`) and to the recording.
    private func record(_ outputs: [Output], after input: String? = nil) {
        var lines: [Transcript.Numbered] = []
        // The line as the engine read it: escape sequences and line breaks removed, so the file holds
        // no terminal controls and no line that is not the person's.
        if let input { lines.append(.init(line: .you(Engine.cleanedLine(input)), number: 0)) }
        let said = outputs.filter { if case .save = $0 { return false } else { return true } }  // a save is the driver's message, not the assistant's words
        for line in OutputFormatter.lines(said, messages: engine.graph.messages) { lines.append(.init(line: .bot(TerminalText.clean(line)), number: 0)) }
        transcript += lines
        guard let recording, !lines.isEmpty else { return }
        do {
            try recording.append(Transcript(headerPairs: [], numbered: lines).render())
        } catch {
            if !writeFailed { write(style.warning("Could not record to \(TerminalText.clean(recording.path)): \(error)")) }
            writeFailed = true
        }
    }

    private var transcriptHeader: [Transcript.HeaderEntry] {
        [.init(key: "seed", value: String(seedInUse)), .init(key: "recorded-by", value: "second-opinion \(SecondOpinion.version)")]
    }

    private func transcriptText() -> String {
        Transcript(headerPairs: transcriptHeader, numbered: transcript).render()
    }
}
