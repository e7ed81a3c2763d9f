/// Turns a file's bytes into articles: decode, extract, clean, detect the language.
///
/// Pure: no I/O, so `run`, `ingest` and `classify` all give the same result for the same bytes.
public struct Pipeline: Sendable {
    /// Creates the pipeline.
    public init() {}

    /// The articles in `bytes`, read from a file named `fileName`, or the reason there are none.
    public func articles(from bytes: [UInt8], fileName: String) throws(Rejection) -> [Article] {
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            throw Rejection(.empty, "'\(fileName)' is empty: there is no text to index")
        }
        let hasMark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasMark, TextDecoder.looksLikeUTF16WithoutMark(bytes) == nil,
            let kind = BinarySniffer.binaryKind(of: bytes)
        {
            throw Rejection(.binary, "'\(fileName)' is \(kind), not a news article in a text format")
        }
        let text = Self.removingControlCharacters(TextDecoder.decode(bytes).text)
        guard let (title, body) = PlainTextExtractor.extract(text) else {
            throw Rejection(.noArticle, "'\(fileName)' holds no words that could form an article")
        }
        let language = LanguageDetector.detect(title + "\n" + body)
        return [
            Article(
                title: title, text: body, language: language.code,
                languageConfidence: language.confidence, format: "text")
        ]
    }

    /// Text without control characters other than tab and newline (CR becomes a newline).
    static func removingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F })
        else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r" {
                scalars.append("\n")
            } else if scalar == "\n" {
                if !previousWasCR { scalars.append(scalar) }
            } else if scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
