import Core

/// A file read and split into articles, analysed and committed a part at a time.
///
/// A 20,000-item feed analysed and committed in one piece would hold every other file back for as
/// long as it takes; in parts, each transaction also takes in whatever was dropped meanwhile.
struct FileInProgress: Sendable {
    /// The file, absolute.
    let path: String
    /// SHA-256 of the content read.
    let sha256: String
    /// Size in bytes when read.
    let size: Int64
    /// Modification time when read.
    let modificationTime: Double
    /// The articles found.
    let file: ExtractedFile
    /// How many articles were taken for analysis so far.
    private(set) var taken = 0

    init(path: String, sha256: String, size: Int64, modificationTime: Double, file: ExtractedFile) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.modificationTime = modificationTime
        self.file = file
    }

    /// Articles not yet taken.
    var remaining: Int { file.articles.count - taken }

    /// Takes the next `count` articles (at most what remains): their indices, for analysis.
    mutating func take(_ count: Int) -> Range<Int> {
        let range = taken..<(taken + min(count, remaining))
        taken = range.upperBound
        return range
    }

    /// The outcome to commit for `articles`, the analysed `range`: the whole file, a part, or the
    /// last part (which records the file).
    func outcome(for articles: [Article], range: Range<Int>) -> FileOutcome {
        let result: FileOutcome.Result
        if range == file.articles.indices {
            result = .articles(articles)
        } else {
            let isLast = range.upperBound == file.articles.count
            result = .part(FilePart(articles: articles, allItems: isLast ? Set(file.articles.map(\.item)) : nil))
        }
        return FileOutcome(
            path: path, sha256: sha256, size: size, modificationTime: modificationTime, result: result)
    }

    /// Takes and analyses the next `count` articles here, on the calling thread, and gives their outcome.
    mutating func outcome(analysing count: Int, with pipeline: Pipeline) -> FileOutcome {
        let range = take(count)
        return outcome(for: range.map { pipeline.analyse($0, of: file) }, range: range)
    }

    /// An outcome that commits nothing but the file's size and time: its content is already stored.
    var unchanged: FileOutcome {
        FileOutcome(path: path, sha256: sha256, size: size, modificationTime: modificationTime, result: .articles([]))
    }
}
