import DialogEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The REPL driver: reads lines, steps the engine, prints outputs, writes files the person asks for.
/// It holds no conversation logic; everything it shows comes from `Engine.step`.
final class ChatSession {
    private var engine: Engine
    private let folder: String
    private let seed: UInt64
    private let reader: any LineReading
    private let style: TerminalStyle
    private let recordPath: String?
    private let outPath: String?
    private var state: EngineState
    private var seedInUse: UInt64
    private var transcript: [Transcript.Numbered] = []
    private let store: SessionStore?
    private let privateMode: Bool
    /// Whether a person is at a terminal (readline): only then is anything asked outside the dialogs.
    private let interactive: Bool
    /// Work that can wait until the first question is on screen (writing the compiled dialogs); run once.
    var afterFirstPrompt: (() -> Void)?

    init(
        engine: Engine, folder: String, seed: UInt64, reader: any LineReading, style: TerminalStyle, recordPath: String?,
        outPath: String?, store: SessionStore?, privateMode: Bool, interactive: Bool? = nil
    ) {
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
        // Piped input without --resume never continues a saved conversation, so the saved file is
        // only looked at after the first question is out (to set it aside if it is damaged, before
        // this conversation's first save replaces it); decoding it first would delay the first prompt.
        let offerToContinue = resume || interactive
        let start = offerToContinue ? startFromSavedSession(resume: resume) : .fresh
        if start == .stop {
            write(style.dim("Your saved conversation is kept for next time."))
            return 0
        }
        if start == .fresh {
            (state, outputs) = engine.step(state, .start)
            show(outputs)
            if !offerToContinue { setAsideSavedSessionNotResumed() }
            persist()
        }
        afterFirstPrompt?()
        afterFirstPrompt = nil
        while true {
            reader.completions = engine.completions(for: state) + ["reload", "save transcript"]
            switch reader.readLine(prompt: style.prompt("> ")) {
            case .endOfInput:
                finish()
                write("Goodbye. Take care of yourself.")
                return 0
            case .interrupted:
                continue
            case .line(let line):
                if !line.trimmingBlanks().isEmpty { reader.remember(line) }
                if handleDriverCommand(line) { continue }
                (state, outputs) = engine.step(state, .line(line))
                persist()
                record(input: line, outputs)
                show(outputs)
                if outputs.contains(.quit) {
                    finish()
                    return 0
                }
            }
        }
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
                write(style.bot("You have an unfinished conversation from before. Continue it? (yes/no)"))
                switch askYesNo() {
                case true?: break
                case false?:
                    setAsideSavedSession()
                    return .fresh
                case nil:
                    return .stop
                }
            }
            let (fitted, notes) = engine.reconcile(saved)
            for note in notes { write(style.dim(note)) }
            seedInUse = seed
            guard let fitted else {
                write(style.dim("Starting a new conversation, keeping the answers that still apply."))
                var outputs: [Output]
                (state, outputs) = engine.step(EngineState(seed: seed), .start)
                state.slots = engine.fitting(saved.slots).merging(state.slots) { _, new in new }
                show(outputs)
                persist()
                return .continued
            }
            write(style.dim("Welcome back. Here is where we were:"))
            var outputs: [Output]
            (state, outputs) = engine.step(fitted, .repeatQuestion)
            show(outputs)
            persist()
            return .continued
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
                if let answer = Engine.readYesNo(line) { return answer }
                write(style.bot("Please answer yes or no."))
            }
        }
    }

    /// Why there is no saved conversation to continue.
    private var noSessionReason: String {
        privateMode
            ? "--private keeps no saved conversation; starting a new one."
            : "No saved conversation can be kept (no home folder is known); starting a new one."
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

    private func handleDriverCommand(_ line: String) -> Bool {
        let trimmed = line.trimmingBlanks()
        let lower = trimmed.lowercased()
        if lower == "reload" {
            reload()
            return true
        }
        if lower.hasPrefix("save transcript") {
            let path = trimmed.dropFirst("save transcript".count).trimmingBlanks()
            guard !path.isEmpty else {
                write(style.warning("Please name a file: save transcript FILE"))
                return true
            }
            saveTranscript(to: path)
            return true
        }
        return false
    }

    private func reload() {
        let result = DialogLoader.load(paths: [folder])
        guard let graph = result.graph else {
            write(style.warning("The dialogs have problems; keeping the conversation as it was:"))
            write(result.diagnostics.map(\.description).joined(separator: "\n"))
            return
        }
        engine = Engine(graph: graph)
        for w in result.warnings { write(style.dim(w.description)) }
        write(style.dim("Reloaded \(graph.dialogs.count) dialogs (\(graph.nodes.count) nodes)."))
        let (fitted, notes) = engine.reconcile(state)
        for note in notes { write(style.dim(note)) }
        var outputs: [Output]
        if let fitted {
            write(style.dim("Your answers are kept."))
            (state, outputs) = engine.step(fitted, .repeatQuestion)
        } else {
            let kept = engine.fitting(state.slots)
            (state, outputs) = engine.step(state, .start)
            state.slots = kept.merging(state.slots) { _, new in new }
            write(style.dim("Starting again from the beginning, with your answers kept."))
        }
        show(outputs)
        persist()
    }

    private func saveTranscript(to path: String) {
        if privateMode {
            write(style.warning("Private mode writes nothing to disk."))
            return
        }
        do {
            try PrivateFiles.writeAtomically(transcriptText(), to: path)
            write(style.dim("Transcript saved to \(path)."))
        } catch {
            write(style.warning("Could not save the transcript: \(error)"))
        }
    }

    // MARK: - Output

    private func show(_ outputs: [Output]) {
        for output in outputs {
            switch output {
            case .save(let path, let markdown):
                saveDocuments(markdown, to: path)
            case .text(let text, let textStyle):
                let lines = OutputFormatter.lines(output)
                _ = text
                for line in lines {
                    switch textStyle {
                    case .alert: write(style.warning(line))
                    case .info: write(style.dim(line))
                    default: write(style.bot(line))
                    }
                }
            default:
                for line in OutputFormatter.lines(output) { write(line) }
            }
        }
    }

    private func saveDocuments(_ markdown: String, to path: String?) {
        if privateMode {
            write(style.warning("Private mode writes nothing to disk. Copy the documents from the screen instead."))
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) { write(String(line)) }
            return
        }
        let target: String
        if let path {
            target = FilePaths.absolute(path)  // the message says exactly where the file went
        } else {
            do {
                target = FilePaths.join(try PrivateFiles.dataDirectory(), "second-opinion-documents.md")
            } catch {
                write(style.warning("Could not find a folder to save in: \(error). Try: save FILE"))
                return
            }
        }
        do {
            try PrivateFiles.writeAtomically(markdown, to: target)
            write(style.dim("Saved your documents to \(target) (readable only by you)."))
        } catch {
            write(style.warning("Could not save to \(target): \(error)"))
        }
    }

    private func finish() {
        guard let outPath else { return }
        saveDocuments(DocumentRenderer.renderAll(graph: engine.graph, slots: state.slots), to: outPath)
    }

    private func write(_ text: String) {
        StandardStream.output.write(text + "\n")
    }

    // MARK: - Recording

    private func record(input: String, _ outputs: [Output]) {
        guard recordPath != nil else { return }
        transcript.append(.init(line: .you(input), number: 0))
        appendBot(outputs)
        flushRecording()
    }

    private func appendBot(_ outputs: [Output]) {
        for output in outputs {
            for line in OutputFormatter.lines(output) { transcript.append(.init(line: .bot(line), number: 0)) }
        }
    }

    private func transcriptText() -> String {
        Transcript(
            headerPairs: [.init(key: "seed", value: String(seedInUse)), .init(key: "recorded-by", value: "second-opinion \(SecondOpinion.version)")],
            numbered: transcript
        ).render()
    }

    private func flushRecording() {
        guard let recordPath else { return }
        try? PrivateFiles.writeAtomically(transcriptText(), to: recordPath)
    }
}
