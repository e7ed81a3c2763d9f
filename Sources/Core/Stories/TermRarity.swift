import Foundation

/// How rare a term or a cross-language key is: document frequencies counted once over a reference
/// corpus and shipped as `data/idf.tsv`.
///
/// Story similarity needs inverse document frequencies, and an exact table over the archive would
/// have to be updated for every term of every article (hundreds of rows per write) and would drift
/// with whatever the user happens to collect. News vocabulary is stable, so a static table from the
/// labelled corpus (1,230 English and French articles over six topics) ranks "said" below
/// "zakharova" as well as a live one would; terms it has never seen get the highest weight, which
/// is what a live table would give a new name too. Languages without a table weigh every term 1,
/// which leaves term frequency and stop-word removal to do the work.
///
/// The file has one row per `scope<TAB>term<TAB>documents`; scope is a language code for analysed
/// terms or `*` for cross-language keys (`e:NATO`, `p:pais`, `n:1997`, `d:01-26`), counted over all
/// languages. `#` lines are comments, except `# documents<TAB>scope<TAB>count`, which gives the size
/// of each scope's corpus. Terms seen in a single document are left out: they weigh as unseen ones.
public struct TermRarity: Sendable {
    /// The documents counted per scope.
    let documentCounts: [String: Int]
    /// Document frequency per scope and ``StableHash`` of the term, which a word carries from the
    /// analysis (``AnalysedText/Word/termHash``): no term is hashed again to be weighed, and a term
    /// given as a string is hashed once. Two terms of a scope that share a 64-bit hash (never seen)
    /// would share a frequency.
    let frequencies: [String: HashValueMap<Int32>]

    /// The table that knows no language: every weight is 1 (tests, and before the file is loaded).
    public static let uniform = TermRarity(documentCounts: [:], frequencies: [:])

    /// The scope of cross-language keys.
    static let keyScope = "*"

    /// Creates a table from counts.
    init(documentCounts: [String: Int], frequencies: [String: [String: Int]]) {
        self.documentCounts = documentCounts
        self.frequencies = frequencies.mapValues { table in
            var hashed = HashValueMap<Int32>(minimumCapacity: table.count)
            for (term, count) in table { hashed[StableHash.of(term)] = Int32(clamping: count) }
            return hashed
        }
    }

    /// Loads `idf.tsv` from `directory` (the `data/` directory).
    ///
    /// - Throws: `TermRarityError` naming the file when it is missing or a line is malformed.
    public init(contentsOf directory: URL) throws {
        let url = directory.appendingPathComponent("idf.tsv")
        let contents: String
        do {
            contents = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TermRarityError(
                code: .unreadableFile,
                message: "Cannot read the term rarity table '\(url.path)' (ship data/idf.tsv next to the binary, "
                    + "or regenerate it from the labelled corpus)",
                cause: error)
        }
        try self.init(tsv: contents, name: url.path)
    }

    /// Parses the contents of an `idf.tsv` file; `name` is used in error messages.
    ///
    /// Cut into lines and fields on UTF-8 bytes: splitting the string by `Character` took 20 ms
    /// of every start-up for the table's 19,000 lines.
    public init(tsv: String, name: String = "idf.tsv") throws {
        var counts: [String: Int] = [:]
        var frequencies: [String: [String: Int]] = [:]
        var tsv = tsv
        try tsv.withUTF8 { bytes in
            for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty { continue }
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
                    String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
                }
                let isCountLine = fields.first == "# documents"
                if line.first == UInt8(ascii: "#") && !isCountLine { continue }
                guard fields.count == 3, let count = Int(fields[2]), count > 0, !fields[1].isEmpty else {
                    throw TermRarityError(
                        code: .malformedLine,
                        message: "Line \(number + 1) of '\(name)' is not scope, term and count separated by tabs "
                            + "(regenerate the file instead of editing it)")
                }
                if isCountLine {
                    counts[fields[1]] = count
                } else {
                    frequencies[fields[0], default: [:]][fields[1]] = count
                }
            }
        }
        self.init(documentCounts: counts, frequencies: frequencies)
    }

    /// The inverse document frequency of an analysed term of `language`: ln((N + 1) / (df + 1)),
    /// from 0 for a term in every document to ln(N + 1) for an unseen one; 1 for a language
    /// without a table.
    public func weight(ofTerm term: String, language: String) -> Double {
        scope(language).weight(of: term)
    }

    /// The inverse document frequency of a cross-language key, as ``weight(ofTerm:language:)``.
    public func weight(ofKey key: String) -> Double {
        scope(Self.keyScope).weight(of: key)
    }

    /// The share of the reference documents holding a cross-language key; 0 when unseen or unknown.
    public func documentShare(ofKey key: String) -> Double {
        scope(Self.keyScope).documentShare(of: key)
    }

    /// The table of one scope: the terms of a language, or ``keyScope``. An article looks its
    /// scope up once, then one hash per term, instead of three (profiled: 3% of ingest).
    func scope(_ name: String) -> Scope {
        Scope(total: documentCounts[name], frequencies: frequencies[name] ?? HashValueMap())
    }

    /// The document frequencies of one scope.
    struct Scope {
        /// The documents counted; nil for a scope without a table, where every weight is 1.
        let total: Int?
        /// Document frequency per ``StableHash`` of the term.
        let frequencies: HashValueMap<Int32>

        /// As ``TermRarity/weight(ofTerm:language:)`` in this scope.
        func weight(of term: String) -> Double {
            weight(ofHash: StableHash.of(term))
        }

        /// As ``weight(of:)`` for the term whose ``StableHash`` is `hash`.
        func weight(ofHash hash: UInt64) -> Double {
            guard let total else { return 1 }
            return log(Double(total + 1) / Double(Int(frequencies[hash] ?? 0) + 1))
        }

        /// As ``TermRarity/documentShare(ofKey:)`` in this scope.
        func documentShare(of term: String) -> Double {
            guard let total, let count = frequencies[StableHash.of(term)] else { return 0 }
            return Double(count) / Double(total)
        }
    }
}
