/// A language guess: ISO 639-1 code where one exists ("en", "fr", "zh", ...), else CLD2's code; "und" when unknown.
///
/// The code is what `Analyzer(language:)` and `NewsTokenizer.marked(_:language:)` take, so a guess can
/// be handed straight to analysis. "und" (ISO 639-2 "undetermined") analyses without stemming.
public struct DetectedLanguage: Sendable, Equatable {
    /// The language code: "en", "fr", "he", "zh", "haw", ... or "und".
    public var code: String

    /// How sure the detector is, from 0 (no idea) to 1.
    ///
    /// `LanguageDetector` derives it from the share of the text in that language, halved when CLD2
    /// does not call the guess reliable.
    public var confidence: Double

    /// Creates a guess; the confidence is clamped to 0...1.
    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = min(max(confidence, 0), 1)
    }

    /// The answer for empty, very short or unrecognisable text: "und" with confidence 0.
    public static let undetermined = DetectedLanguage(code: "und", confidence: 0)

    /// Whether the language is unknown ("und").
    public var isUndetermined: Bool { code == "und" }
}
