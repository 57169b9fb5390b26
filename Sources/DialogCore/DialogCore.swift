// # DialogCore
//
// The engine: what a dialog set is, and one step of a conversation through it.
//
// ```
// Model/        DialogGraph, Node, NodeID, SlotType, Value, Interrupt, DocumentTemplate, Messages …
//               (values, Sendable); NodeTable, whose nodes may be made on first use (`DeferredNodes`)
// Expressions/  conditions and templates: parser, type checker, evaluator
// Runtime/      Engine.step(state, input) -> (state', outputs): the answer matcher, commands,
//               interrupts, documents, the laid-out program (`EngineProgram`)
// Text/         trimming, "did you mean" suggestions
// ```
//
// Standard library and Understanding only: no files, no clock, no C library, no globals. Graphs come
// from DialogLoading (or a test); nothing here knows of JSON, of diagnostics or of the compiled cache,
// and nothing here is a tool (DialogTools drives the engine from above).
