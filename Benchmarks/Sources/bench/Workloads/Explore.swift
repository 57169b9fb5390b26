import DialogEngine

/// `explore` of the shipped conversation: every reachable state and path, timed.
struct Explore {
    let graph: DialogGraph

    /// TODO(issue 6): the explorer (Sources/DialogEngine/Analysis/Explorer*.swift) is not in the engine yet;
    /// time it here once it is, recording `explore.states`, `explore.paths` and `explore.ns`.
    func measure(into recorder: inout Recorder) {
        recorder.note("TODO: explore not measured: the engine has no explorer API yet")
    }
}
