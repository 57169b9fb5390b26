// # DialogTools
//
// What maintainers run on a graph, all by driving the core's engine: nothing here loads files or changes
// how a conversation goes.
//
// ```
// Analysis/     explore (every path, with proofs of the path properties), coverage, mutation testing,
//               graph export (Mermaid, dot), the understanding corpus's scores
// Transcripts/  parse and format transcripts, replay them against the engine, diff
// Starter.swift the small dialog set `second-opinion new` writes
// ```
//
// Depends on DialogCore and Understanding; the command line gives it graphs that DialogLoading made.
