import Foundation

/// Reads labelled articles for ``TopicTrainer`` and ``CrossValidation``.
///
/// Three layouts are understood:
/// - a TSV file with the header `category	headline	text` (MasakhaNEWS's layout, David Adelani et
///   al., 2023, AFL-3.0), fields CSV-quoted as Python's `csv` module writes them with a tab delimiter;
///   the language comes from the file name (`eng.tsv` or `en.tsv` → "en") unless given;
/// - a folder of such TSV files, one language each;
/// - a folder with one sub-folder per label holding text files, one article each: the first
///   non-empty line is the headline, the rest the text. This is how users teach their own taxonomy.
///
/// Reading is I/O on the caller's thread; it is for the `train` and `eval` commands, not the daemon.
public enum LabeledCorpus {
    /// The columns a TSV file must have, in any order; other columns are ignored.
    static let requiredColumns = ["category", "headline", "text"]

    /// ISO 639-3 codes of file names mapped to the ISO 639-1 codes models are keyed by: MasakhaNEWS's
    /// languages and the languages Snowball stems.
    static let twoLetterCodes: [String: String] = [
        "amh": "am", "ara": "ar", "cat": "ca", "dan": "da", "deu": "de", "ell": "el", "eng": "en",
        "eus": "eu", "fin": "fi", "fra": "fr", "gle": "ga", "hau": "ha", "hin": "hi", "hun": "hu",
        "ibo": "ig", "ind": "id", "ita": "it", "lin": "ln", "lit": "lt", "lug": "lg", "nep": "ne",
        "nld": "nl", "nor": "no", "orm": "om", "por": "pt", "ron": "ro", "run": "rn", "rus": "ru",
        "sna": "sn", "som": "so", "spa": "es", "srp": "sr", "swa": "sw", "swe": "sv", "tam": "ta",
        "tir": "ti", "tur": "tr", "xho": "xh", "yid": "yi", "yor": "yo",
    ]

    /// Reads a TSV file, a folder of TSV files, or a folder of label folders, whichever `url` is.
    ///
    /// `language` gives the language of an article in a label folder from its text (the caller's
    /// language detector); it is not used for TSV files, whose language is in their name.
    public static func examples(
        at url: URL,
        language: (String) -> String
    ) throws(CorpusError) -> [LabeledExample] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw CorpusError(
                code: .unreadable,
                message: "Cannot read '\(url.path)': no such file or folder (give a .tsv file or a folder)")
        }
        guard isFolder.boolValue else { return try examples(tsvAt: url) }
        let entries = try contents(of: url)
        let tsvFiles = entries.filter { $0.pathExtension.lowercased() == "tsv" }
        if !tsvFiles.isEmpty {
            var examples: [LabeledExample] = []
            for file in tsvFiles { examples += try self.examples(tsvAt: file) }
            return examples
        }
        return try examples(labelFoldersAt: url, language: language)
    }

    /// Reads one TSV file; the language is `language` or else comes from the file name.
    public static func examples(tsvAt url: URL, language: String? = nil) throws(CorpusError) -> [LabeledExample] {
        guard let language = language ?? self.language(ofFileNamed: url.lastPathComponent) else {
            throw CorpusError(
                code: .unknownLanguage,
                message: "Cannot tell the language of '\(url.path)' from its name (name it with an ISO 639 code, "
                    + "like en.tsv or eng.tsv)")
        }
        let bytes = try read(url)
        do {
            return try examples(tsv: bytes, language: language)
        } catch {
            throw CorpusError(code: .malformed, message: "'\(url.path)' line \(error.line): \(error.reason)")
        }
    }

    /// Parses the bytes of a TSV file; a failure names the line and the fix, not the file.
    static func examples(tsv bytes: [UInt8], language: String) throws(TSVReader.Failure) -> [LabeledExample] {
        let rows = try TSVReader.rows(in: bytes)
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = requiredColumns.compactMap { names.firstIndex(of: $0) }
        guard columns.count == requiredColumns.count else {
            throw TSVReader.Failure(
                line: header.line,
                reason: "the header is '\(header.fields.joined(separator: "\\t"))' but must name the columns "
                    + "category, headline and text, separated by tabs")
        }
        return try rows.dropFirst().map { (row) throws(TSVReader.Failure) in
            guard row.fields.count == names.count else {
                throw TSVReader.Failure(
                    line: row.line,
                    reason: "this row has \(row.fields.count) fields but the header has \(names.count) (a tab or "
                        + "line break inside a field needs the field in double quotes)")
            }
            let label = row.fields[columns[0]].trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else {
                throw TSVReader.Failure(line: row.line, reason: "the category is empty (give every row a label)")
            }
            return LabeledExample(
                label: label, title: row.fields[columns[1]], text: row.fields[columns[2]], language: language)
        }
    }

    /// Reads a folder of label folders: every regular file of `url/LABEL/` is one article of LABEL.
    static func examples(
        labelFoldersAt url: URL,
        language: (String) -> String
    ) throws(CorpusError) -> [LabeledExample] {
        var examples: [LabeledExample] = []
        for folder in try contents(of: url) where folder.hasDirectoryPath {
            for file in try contents(of: folder) where !file.hasDirectoryPath {
                let text = String(decoding: try read(file), as: UTF8.self)
                // The headline is the first non-empty line, as in the articles the daemon extracts.
                let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true)
                let title = lines.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                let body = lines.count > 1 ? String(lines[1]) : ""
                examples.append(
                    LabeledExample(label: folder.lastPathComponent, title: title, text: body, language: language(text)))
            }
        }
        guard !examples.isEmpty else {
            throw CorpusError(
                code: .tooSmall,
                message: "'\(url.path)' holds no .tsv file and no label folder with articles (give a .tsv file, "
                    + "or one folder per label holding one text file per article)")
        }
        return examples
    }

    /// The ISO 639-1 code in a file name such as `eng.tsv`, `en.tsv` or `fr-train.tsv`, nil when unknown.
    static func language(ofFileNamed name: String) -> String? {
        let stem = name.split(separator: ".").first.map { String($0).lowercased() } ?? ""
        let code = String(stem.prefix { $0.isLetter })
        if code.count == 2 { return code }
        return twoLetterCodes[code]
    }

    /// The visible entries of a folder, sorted by name so that training sees the same order everywhere.
    private static func contents(of url: URL) throws(CorpusError) -> [URL] {
        do {
            let entries = try FileManager.default.contentsOfDirectory(
                at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
            return entries.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw CorpusError(
                code: .unreadable, message: "Cannot list '\(url.path)' (check that it is a readable folder)",
                cause: error)
        }
    }

    private static func read(_ url: URL) throws(CorpusError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw CorpusError(
                code: .unreadable, message: "Cannot read '\(url.path)' (check that the file exists and is readable)",
                cause: error)
        }
    }
}
