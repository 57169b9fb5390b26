import DialogLoading

/// The shipped dialogs, loaded once for the analysis tests.
enum ShippedExplore {
    static let load = DialogLoader.load(paths: [Fixtures.dialogs])
}
