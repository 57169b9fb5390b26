/// Word banks for generated dialogs: topics, questions per slot type, option groups, phrasings.
/// Every option in `options` has a distinct value, label and synonyms, so any subset of one group
/// makes a slot with no overlapping words.
enum Vocabulary {
    static let topics = [
        "imaging", "referral", "medication", "surgery", "symptoms", "insurance", "records", "travel", "costs",
        "family", "work", "sleep", "diet", "pain", "tests", "genetics", "rehab", "wellbeing", "appointments",
        "consent", "pharmacy", "dental", "vision", "hearing", "mobility", "allergies", "vaccines", "pregnancy",
        "children", "carers",
    ]

    struct OptionWords {
        var value: String
        var label: String
        var synonyms: [String]
    }

    static let options: [String: [OptionWords]] = [
        "severity": [
            .init(value: "mild", label: "Mild", synonyms: ["a little", "slight"]),
            .init(value: "moderate", label: "Moderate", synonyms: ["medium", "in between"]),
            .init(value: "severe", label: "Severe", synonyms: ["very bad", "extreme"]),
        ],
        "frequency": [
            .init(value: "daily", label: "Every day", synonyms: ["each day", "always"]),
            .init(value: "weekly", label: "About once a week", synonyms: ["once a week", "weekly"]),
            .init(value: "rarely", label: "Rarely", synonyms: ["hardly ever", "seldom"]),
        ],
        "seen": [
            .init(value: "gp", label: "My family doctor", synonyms: ["gp", "primary care"]),
            .init(value: "specialist", label: "A specialist", synonyms: ["consultant", "expert"]),
            .init(value: "nurse", label: "A nurse", synonyms: ["nurse practitioner", "practice nurse"]),
        ],
        "place": [
            .init(value: "hospital", label: "At the hospital", synonyms: ["inpatient", "ward"]),
            .init(value: "clinic", label: "At a clinic", synonyms: ["outpatient", "health centre"]),
            .init(value: "home", label: "At home", synonyms: ["my house", "house"]),
        ],
        "contact": [
            .init(value: "phone", label: "By phone", synonyms: ["telephone", "ring me"]),
            .init(value: "video", label: "By video", synonyms: ["video call", "zoom"]),
            .init(value: "letter", label: "By letter", synonyms: ["post", "mail"]),
            .init(value: "portal", label: "Through the patient portal", synonyms: ["portal", "online"]),
            .init(value: "email", label: "By email", synonyms: ["electronic mail"]),
        ],
        "treatment": [
            .init(value: "tablets", label: "Tablets", synonyms: ["pills", "capsules"]),
            .init(value: "injection", label: "Injections", synonyms: ["shots", "jabs"]),
            .init(value: "infusion", label: "An infusion", synonyms: ["drip", "iv"]),
            .init(value: "physio", label: "Physiotherapy", synonyms: ["physical therapy", "exercises"]),
            .init(value: "operation", label: "An operation", synonyms: ["procedure", "op"]),
            .init(value: "watch", label: "Watch and wait", synonyms: ["monitoring", "wait and see"]),
            .init(value: "radiation", label: "Radiotherapy", synonyms: ["radiation", "radiation therapy"]),
        ],
        "time": [
            .init(value: "morning", label: "In the morning", synonyms: ["mornings", "early"]),
            .init(value: "evening", label: "In the evening", synonyms: ["evenings", "late"]),
            .init(value: "night", label: "At night", synonyms: ["nights", "overnight"]),
        ],
        "helper": [
            .init(value: "partner", label: "My partner", synonyms: ["husband", "wife", "spouse"]),
            .init(value: "child", label: "My son or daughter", synonyms: ["son", "daughter", "kids"]),
            .init(value: "friend", label: "A friend", synonyms: ["mate", "neighbour"]),
            .init(value: "alone", label: "Nobody, I manage alone", synonyms: ["by myself", "on my own"]),
        ],
        "payment": [
            .init(value: "work_plan", label: "A plan through work", synonyms: ["employer plan", "work insurance"]),
            .init(value: "public", label: "Public cover", synonyms: ["state cover", "government plan"]),
            .init(value: "self_pay", label: "I pay myself", synonyms: ["out of pocket", "self pay"]),
        ],
        "language": [
            .init(value: "english", label: "English", synonyms: ["in english"]),
            .init(value: "spanish", label: "Spanish", synonyms: ["espanol", "in spanish"]),
            .init(value: "french", label: "French", synonyms: ["francais", "in french"]),
        ],
        "hardest": [
            .init(value: "walking", label: "Walking", synonyms: ["walk", "getting about"]),
            .init(value: "sleeping", label: "Sleeping", synonyms: ["sleep", "insomnia"]),
            .init(value: "eating", label: "Eating", synonyms: ["appetite", "food"]),
            .init(value: "working", label: "Working", synonyms: ["my job", "work tasks"]),
            .init(value: "driving", label: "Driving", synonyms: ["the car", "drive"]),
            .init(value: "stairs", label: "Climbing stairs", synonyms: ["steps", "stairs"]),
        ],
        "duration": [
            .init(value: "days", label: "Less than a week", synonyms: ["a few days", "days"]),
            .init(value: "weeks", label: "A few weeks", synonyms: ["weeks", "a month"]),
            .init(value: "months", label: "Several months", synonyms: ["half a year", "months"]),
            .init(value: "years", label: "A year or more", synonyms: ["years", "over a year"]),
        ],
        "test": [
            .init(value: "scan", label: "A scan", synonyms: ["mri", "ct", "x ray"]),
            .init(value: "blood", label: "Blood tests", synonyms: ["bloods", "blood work"]),
            .init(value: "biopsy", label: "A biopsy", synonyms: ["tissue sample", "sample"]),
        ],
    ]

    struct Question {
        var base: String
        var say: [String]
        var label: String
        var why: String
        /// The option group for choice and multi questions; the map target's group for text questions.
        var group: String? = nil
        var range: (min: Int, max: Int)? = nil
    }

    static let bool: [Question] = [
        .init(base: "had_scans", say: ["Have you had any scans for this?", "Has anything been scanned yet?"], label: "Scans done", why: "Scans are often the first thing a second doctor asks for."),
        .init(base: "worse", say: ["Is it getting worse?"], label: "Getting worse", why: "A change over time tells the new doctor how urgent this is."),
        .init(base: "date_set", say: ["Has a doctor suggested a date for treatment?"], label: "Treatment date suggested", why: "A date tells us how much time there is for a second look."),
        .init(base: "thinners", say: ["Do you take any blood thinners?"], label: "Blood thinners", why: "Some tests and operations need a plan for blood thinners."),
        .init(base: "family", say: ["Does anyone in your family have the same problem?"], label: "Family history", why: "Family history can change which tests make sense."),
        .init(base: "travel", say: ["Would you travel to see another doctor?", "Could you go to another town for an appointment?"], label: "Willing to travel", why: "It decides whether we look near you or further away."),
        .init(base: "interpreter", say: ["Would an interpreter help at appointments?"], label: "Interpreter needed", why: "You have a right to understand what is said to you."),
        .init(base: "records_asked", say: ["Have you already asked for your records?"], label: "Records asked for", why: "Records take time, so it helps to start early."),
        .init(base: "time_off", say: ["Can you take time off for appointments?"], label: "Time off possible", why: "It shapes which kind of appointment suits you."),
        .init(base: "has_help", say: ["Is someone helping you with this?"], label: "Has help", why: "A helper can come along and take notes."),
    ]

    static let choice: [Question] = [
        .init(base: "severity", say: ["How bad is it most days?", "On most days, how bad is it?"], label: "How bad it is", why: "It helps the new doctor see how much it affects you.", group: "severity"),
        .init(base: "frequency", say: ["How often does it happen?"], label: "How often", why: "Patterns over time help the new doctor.", group: "frequency"),
        .init(base: "seen", say: ["Who have you seen about it so far?"], label: "Seen so far", why: "It tells us where your records are.", group: "seen"),
        .init(base: "place", say: ["Where is your care now?"], label: "Where care happens", why: "Records are kept where the care happens.", group: "place"),
        .init(base: "contact", say: ["How would you like the clinic to reach you?"], label: "How to reach you", why: "It goes in the letter you send.", group: "contact"),
        .init(base: "treatment", say: ["What treatment was suggested?", "Which treatment is on the table?"], label: "Treatment suggested", why: "The treatment decides which specialist to ask.", group: "treatment"),
        .init(base: "worst_time", say: ["When is it worst?"], label: "Worst time of day", why: "Timing can point to a cause.", group: "time"),
        .init(base: "payment", say: ["How is your care paid for?"], label: "How care is paid for", why: "Some plans need a referral first.", group: "payment"),
        .init(base: "language", say: ["Which language do you prefer for appointments?"], label: "Preferred language", why: "We can suggest asking for an interpreter.", group: "language"),
        .init(base: "duration", say: ["How long has this been going on?"], label: "How long", why: "How long it has lasted changes what to ask.", group: "duration"),
    ]

    static let multi: [Question] = [
        .init(base: "hardest", say: ["What has become harder? Pick all that apply, like '1, 3'."], label: "What is harder", why: "The new doctor should hear how daily life is affected.", group: "hardest"),
        .init(base: "tests_done", say: ["Which tests have you had? Pick all that fit."], label: "Tests done", why: "Each test result should go to the new doctor.", group: "test"),
        .init(base: "options_heard", say: ["Which treatments have been mentioned? Pick all that fit."], label: "Treatments mentioned", why: "It helps to compare what each doctor suggests.", group: "treatment"),
        .init(base: "helpers", say: ["Who could come with you? Pick all that fit."], label: "Who could come along", why: "A second pair of ears helps at appointments.", group: "helper"),
        .init(base: "reach", say: ["How can the clinic reach you? Pick all that fit."], label: "Ways to reach you", why: "It goes in your records request.", group: "contact"),
    ]

    static let number: [Question] = [
        .init(base: "age", say: ["How old is the person this is about?"], label: "Age", why: "Some advice depends on age.", range: (0, 120)),
        .init(base: "weeks", say: ["How many weeks has this lasted?", "For how many weeks has this gone on?"], label: "Weeks so far", why: "How long it has lasted changes what to ask.", range: (0, 520)),
        .init(base: "pain_score", say: ["On a scale of 0 to 10, how bad is the pain?"], label: "Pain score", why: "A number is easy to compare between visits.", range: (0, 10)),
        .init(base: "doctors_seen", say: ["How many doctors have you seen about it?"], label: "Doctors seen", why: "It tells us how many records to gather.", range: (0, 50)),
        .init(base: "miles", say: ["How many miles could you travel for an appointment?"], label: "Miles you could travel", why: "It decides how far to look.", range: (0, 1000)),
    ]

    static let text: [Question] = [
        .init(base: "doctor_said", say: ["In a few words, what did the doctor say?"], label: "What the doctor said", why: "Your own words go into the notes for the new doctor.", group: "treatment"),
        .init(base: "doctor_name", say: ["What is your doctor's name, if you'd like to use it?"], label: "Your doctor's name", why: "It makes the letter more personal."),
        .init(base: "worries", say: ["What worries you most right now?"], label: "Your main worry", why: "Your worries shape the questions to ask.", group: "hardest"),
        .init(base: "other_notes", say: ["Is there anything else the new doctor should know?"], label: "Other notes", why: "Small details can matter a lot."),
    ]

    static let tips = [
        "Thanks. You said {{%s}}. That is worth telling the new doctor.",
        "Noted: {{%s}}. Bring this up at the appointment.",
        "With {{%s}} in mind, ask whether there is time for a second look.",
        "I'll add {{%s}} to your notes. Ask the doctor what it means for you.",
    ]

    static let notes = [
        "Many people in this situation ask for a second look. It is a normal part of care.",
        "A second opinion is your right. Most doctors welcome it.",
        "Write down your questions before the visit. It is easy to forget them on the day.",
        "Bring a list of your medicines, with doses. Photos of the boxes work too.",
        "Ask for copies of reports and images. You can share them with the new doctor.",
    ]

    static let reprompts = [
        "bool": "Please answer yes or no, or say 'not sure'.",
        "choice": "Please pick a number from the list, or say 'skip'.",
        "multi": "Pick one or more numbers, like '1, 3', or say 'skip'.",
        "text": "Tell me in a few words, or say 'skip'.",
    ]
}
