/// Reading the tab-separated data files: `data/countries.tsv` (generated from iso-codes by
/// `scripts/make_gazetteer.py`), `data/places-extra.tsv` and `data/organisations.tsv` (hand-written).
///
/// Lines are `id<TAB>name<TAB>alias<TAB>…`; blank lines and lines starting with `#` are skipped. The
/// name may be empty only for an id already loaded (the row then only adds aliases). Parsing works
/// on the UTF-8 bytes and scans aliases in place: the files hold some 30,000 aliases and loading
/// must stay well under 50 ms.
extension Gazetteer {
    /// The data files, in the order they are read: earlier files own an alias first.
    static let fileNames = (countries: "countries.tsv", extra: "places-extra.tsv", organisations: "organisations.tsv")

    /// Builds the table from the contents of the three data files.
    ///
    /// - Throws: `GazetteerError` naming the file and line of the first malformed line.
    init(countries: String, extra: String, organisations: String, scanner: NameScanner) throws {
        self.init()
        entries.reserveCapacity(600)
        aliases = HashValueMap(minimumCapacity: countries.utf8.count / 20)
        try load(countries, file: Self.fileNames.countries, kind: .place, scanner: scanner)
        try load(extra, file: Self.fileNames.extra, kind: .place, scanner: scanner)
        try load(organisations, file: Self.fileNames.organisations, kind: .organisation, scanner: scanner)
    }

    /// Adds every entity line of one file.
    private mutating func load(_ contents: String, file: String, kind: Entity.Kind, scanner: NameScanner) throws {
        var contents = contents
        try contents.withUTF8 { bytes in
            var tokens: [NameToken] = []
            var lineNumber = 0
            var lineStart = 0
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == UInt8(ascii: "#") { continue }
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count >= 2 else {
                    throw GazetteerError.malformed(
                        file: file, line: lineNumber,
                        "expected at least an id and a name "
                            + "separated by a tab, found '\(String(decoding: line.prefix(60), as: UTF8.self))'")
                }
                let id = String(decoding: fields[0], as: UTF8.self)
                guard Self.isValidID(id) else {
                    throw GazetteerError.malformed(
                        file: file, line: lineNumber,
                        "the id '\(id)' must be letters, "
                            + "digits, '-' or ':' with no spaces")
                }
                let name = String(decoding: fields[1], as: UTF8.self)
                if name.isEmpty, entryByID[id.lowercased()] == nil {
                    throw GazetteerError.malformed(file: file, line: lineNumber, "the new id '\(id)' has an empty name")
                }
                let entry = self.entry(id: id, name: name, kind: kind)
                for field in fields.dropFirst() where !field.isEmpty {
                    tokens.removeAll(keepingCapacity: true)
                    scanner.scan(UnsafeBufferPointer(rebasing: field), into: &tokens)
                    addAlias(tokens, to: entry)
                }
            }
        }
    }

    /// Ids are what `entity:` search values and stored columns hold: no spaces, no quotes.
    private static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
            }
    }
}
