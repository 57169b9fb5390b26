import DialogCore

/// The small dialog set `second-opinion new DIR` writes: a question of each kind, a document, a red
/// flag (by keywords, so it needs no language data), a messages file and a transcript. `validate`,
/// `replay` and `explore` pass on it as written (StarterTests).
package enum Starter {
    /// File names (relative to the folder) and their contents, in the order they are written.
    package static func files(schemaFolder: String = "schema") -> [(path: String, text: String)] {
        [
            ("main.json", main.replacing("SCHEMA", with: schemaFolder)),
            ("messages.json", Messages.english.fileText(schema: schemaFolder + "/messages.schema.json")),
            ("transcripts/happy-path.transcript", transcript),
        ]
    }

    static let main = #"""
        {
          "$schema": "SCHEMA/dialog.schema.json",
          // A starter: one question of each kind, a document, and an urgent interrupt.
          // Run: second-opinion validate --dialogs . ; second-opinion chat --dialogs .
          "dialog": "main",
          "title": "Getting ready for an appointment",
          "start": "welcome",
          "defaults": { "attempts": 2 },
          "slots": {
            "name": { "type": "text", "label": "Your name" },
            "first_visit": { "type": "bool", "label": "First visit" },
            "reason": {
              "type": "choice",
              "label": "Reason for the visit",
              "options": [
                { "value": "checkup", "label": "A check-up", "as": { "request": "have a check-up" } },
                { "value": "problem", "label": "A new problem", "synonyms": ["new"], "as": { "request": "talk about a new problem" } }
              ]
            },
            "pain": {
              "type": "choice",
              "label": "Pain",
              "ordered": true,
              "options": [
                { "value": "none", "label": "No pain" },
                { "value": "mild", "label": "Some pain" },
                { "value": "bad", "label": "Bad pain" }
              ]
            },
            "weeks": {
              "type": "number",
              "label": "Weeks since it started",
              "min": 0,
              "max": 520,
              "unit": ["week", "weeks"],
              "units": { "day": 0.142857, "days": 0.142857, "month": 4.345, "months": 4.345 }
            },
            "questions": {
              "type": "multi",
              "label": "What to ask",
              "options": [
                { "value": "tests", "label": "Which tests I need" },
                { "value": "costs", "label": "What it costs" },
                { "value": "time", "label": "How long it takes" }
              ]
            }
          },
          "nodes": {
            "welcome": {
              "say": "Hello. Let's get you ready for your appointment. What should I call you?",
              "ask": { "slot": "name", "reprompt": "Type your first name, or say 'skip'." },
              "next": "ask_first"
            },
            "ask_first": {
              "say": "Thanks, {{name|friend}}. Is this your first visit?",
              "ask": { "slot": "first_visit", "reprompt": "Please answer yes or no." },
              "why": "A first visit usually takes longer.",
              "next": "ask_reason"
            },
            "ask_reason": {
              "say": "What is the visit for?",
              "ask": { "slot": "reason", "reprompt": "Please pick a number from the list." },
              "next": [
                { "if": "reason == 'problem'", "goto": "ask_pain" },
                { "goto": "ask_questions" }
              ]
            },
            "ask_pain": {
              "say": "How much pain do you have?",
              "ask": { "slot": "pain", "reprompt": "Please pick a number from the list." },
              "next": "ask_weeks"
            },
            "ask_weeks": {
              "say": "How many weeks ago did it start?",
              "ask": { "slot": "weeks", "reprompt": "Please give a number of weeks, like 3, or say 'not sure'." },
              "next": "ask_questions"
            },
            "ask_questions": {
              "say": "Which of these do you want to ask about? Pick any.",
              "ask": { "slot": "questions", "reprompt": "Type the numbers, like 1, 3, or say 'none'." },
              "next": "done"
            },
            "done": {
              "say": {
                "when": "pain >= 'mild'",
                "text": "Here is your list. Tell the doctor about the pain first.",
                "else": "Here is your list."
              },
              "documents": ["list"],
              "end": true
            },
            "urgent": {
              "say": "That sounds urgent. Call your local emergency number now.",
              "end": true
            }
          },
          "interrupts": [
            { "id": "chest_pain", "keywords": ["chest pain", "can't breathe"], "goto": "urgent", "resume": false, "urgent": true, "priority": 10 }
          ],
          "documents": {
            "list": {
              "title": "For my appointment",
              "items": [
                { "text": "I would like to {{reason.request|talk to the doctor}}." },
                { "when": "answered(weeks)", "text": "It started {{weeks:about}} ago.", "else": "I am not sure when it started." },
                { "when": "pain >= 'mild'", "check": "Describe the pain: where, how bad, what helps." },
                { "bullet": "Questions: {{questions:and|none yet}}." }
              ]
            }
          }
        }
        """#

    static let transcript = """
        # The usual way through: a new problem with some pain.
        bot: Hello. Let's get you ready for your appointment. What should I call you?
        you: Sam
        bot: Thanks, Sam. Is this your first visit?
        you: yes
        bot: What is the visit for?
        bot:   1. A check-up
        bot:   2. A new problem
        you: 2
        bot: How much pain do you have?
        bot:   1. No pain
        bot:   2. Some pain
        bot:   3. Bad pain
        you: 2
        bot: How many weeks ago did it start?
        you: 3 weeks
        bot: Which of these do you want to ask about? Pick any.
        bot:   1. Which tests I need
        bot:   2. What it costs
        bot:   3. How long it takes
        you: 1, 3
        bot: Here is your list. Tell the doctor about the pain first.
        bot: \(OutputFormatter.documentRule)
        bot: # For my appointment
        bot:
        bot: I would like to talk about a new problem.
        bot:
        bot: It started about 3 weeks ago.
        bot:
        bot: - [ ] Describe the pain: where, how bad, what helps.
        bot: - Questions: Which tests I need and How long it takes.
        bot: \(OutputFormatter.documentRule)
        bot: (The conversation is over. Type save to keep your documents, back to change an answer, or quit.)
        @ end at main.done

        """
}
