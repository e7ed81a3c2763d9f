import Foundation

/// Turns a file's bytes into articles: decode, extract, clean, detect the language.
///
/// Pure: no I/O, so `run`, `ingest` and `classify` all give the same result for the same bytes.
/// Two steps, so a file of many articles can be analysed and committed a part at a time:
/// ``extract(from:fileName:modified:)`` splits the file, ``analyse(_:of:)`` understands one article.
public struct Pipeline: Sendable {
    /// Puts topics and entities on each article.
    public let classifier: Classifier
    /// How much of one file is taken in.
    public var limits: IngestLimits

    /// Creates the pipeline; without a classifier, articles get no topics and no entities.
    public init(classifier: Classifier = .none, limits: IngestLimits = IngestLimits()) {
        self.classifier = classifier
        self.limits = limits
    }

    /// The articles in `bytes`, read from a file named `fileName`, or the reason there are none.
    ///
    /// `modified` is the file's time, against which a date without a year in the text is resolved.
    public func articles(from bytes: [UInt8], fileName: String, modified: Date = Date()) throws(Rejection) -> [Article]
    {
        let file = try extract(from: bytes, fileName: fileName, modified: modified)
        return file.articles.indices.map { analyse($0, of: file) }
    }

    /// `bytes` decoded and split into articles, none analysed yet, or the reason there are none.
    ///
    /// Articles past `limits.maxArticlesPerFile` are left out and text past `limits.maxWordsPerArticle`
    /// words is cut; either adds a note to the article (the first one, for the file's count).
    public func extract(from bytes: [UInt8], fileName: String, modified: Date = Date()) throws(Rejection)
        -> ExtractedFile
    {
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            throw Rejection(.empty, "'\(fileName)' is empty: there is no text to index")
        }
        let hasMark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasMark, TextDecoder.looksLikeUTF16WithoutMark(bytes) == nil,
            let kind = BinarySniffer.binaryKind(of: bytes)
        {
            throw Rejection(.binary, "'\(fileName)' is \(kind), not a news article in a text format")
        }
        let decoded = ControlCharacters.removing(TextDecoder.decode(bytes).text)
        let format = FormatSniffer.format(of: decoded, fileName: fileName)
        let text = format == .text ? Self.removingLeadingDateLabel(decoded) : decoded
        // An article needs words; one without a title (a feed item, a JSON record) takes its first line.
        var notes: [String?] = []
        var extracted = ArticleExtractor.articles(in: text, format: format).compactMap { found -> ExtractedArticle? in
            var found = found
            // Markup and JSON escapes (`&#27;`, `\u001b`) can bring control characters back.
            found.title = Self.singleLine(ControlCharacters.removing(found.title))
            found.text = ControlCharacters.removing(found.text)
            if found.title.isEmpty {
                guard let derived = PlainTextExtractor.extract(found.text) else { return nil }
                found.title = Self.singleLine(derived.title)
            }
            guard !found.title.isEmpty else { return nil }
            let cut = limits.cutting(found.text)
            found.text = cut.text
            notes.append(cut.note)
            return found
        }
        guard !extracted.isEmpty else {
            throw Rejection(.noArticle, "'\(fileName)' was read as \(format.rawValue) but holds no article with words")
        }
        if extracted.count > limits.maxArticlesPerFile {
            let note =
                "only the first \(limits.maxArticlesPerFile) of the file's \(extracted.count) articles were kept "
                + "(max_articles_per_file)"
            extracted.removeLast(extracted.count - limits.maxArticlesPerFile)
            notes[0] = [note, notes[0]].compactMap { $0 }.joined(separator: "; ")
        }
        // The top of a page's or a record's source is markup and links ("/2019/05/"), not a
        // dateline: search what the first article says. Plain text keeps its `date 2021-12` label.
        let dateSource = format == .text ? decoded : extracted[0].title + "\n" + extracted[0].text
        return ExtractedFile(
            articles: extracted, notes: Array(notes.prefix(extracted.count)), format: format,
            dateInText: DateFinder.findDate(inText: dateSource, reference: modified))
    }

    /// The article at `index` of `file`, with its language, topics, entities and story features.
    public func analyse(_ index: Int, of file: ExtractedFile) -> Article {
        let found = file.articles[index]
        let language = LanguageDetector.detect(title: found.title, text: found.text)
        var article = Article(
            item: found.item, title: found.title, text: found.text,
            date: found.date ?? file.dateInText, source: found.source, language: language.code,
            languageConfidence: language.confidence, format: file.format.rawValue)
        article.note = file.notes[index]
        // Cut once, read by the index, the topic model, story keys and the duplicate fingerprint.
        let analyzer = Analyzer(language: article.language)
        let title = AnalysedText(article.title, analyzer: analyzer)
        let text = AnalysedText(article.text, analyzer: analyzer)
        classifier.label(&article, title: title, text: text)
        article.indexTerms = [PreparedIndexTerms(title), PreparedIndexTerms(text)]
        // A score JSON cannot hold is refused again by the writer, which reports it.
        article.preparedRow = try? PreparedRow(article)
        return article
    }

    /// A title on one line: every run of white space, no-break spaces included, becomes one space.
    ///
    /// Titles are shown in lists, the journal and digests, where a line break or a no-break space
    /// before French punctuation ("Russie ?") only gets in the way; the body keeps what was written.
    /// Control characters are gone before (``ControlCharacters``).
    static func singleLine(_ title: String) -> String {
        isSingleLine(title) ? title : title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `title` is ASCII with single spaces between words only, as most are: then it is
    /// its own single line, found without cutting it into words.
    private static func isSingleLine(_ title: String) -> Bool {
        var previous = UInt8(ascii: " ")  // a leading space is not single
        for byte in title.utf8 {
            // Non-ASCII may be Unicode white space; 0x09...0x0D and a second space are too.
            guard byte < 0x80, byte > 0x0d || byte < 0x09, byte != 0x20 || previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// Text without a leading `date 2021-12` label that some scrapers put before the article.
    static func removingLeadingDateLabel(_ text: String) -> String {
        let trimmed = text.drop(while: \.isWhitespace)
        // Only the first characters are lower-cased: the text can be long.
        let label = trimmed.prefix(6).lowercased()
        guard label.hasPrefix("date ") || label.hasPrefix("date: ") else { return text }
        let afterLabel = trimmed.dropFirst(4).drop(while: { $0 == ":" || $0 == " " })
        let value = afterLabel.prefix(while: { $0.isNumber || $0 == "-" || $0 == "/" || $0 == "." })
        guard value.count >= 4, value.first?.isNumber == true else { return text }
        return String(afterLabel.dropFirst(value.count).drop(while: \.isWhitespace))
    }
}
