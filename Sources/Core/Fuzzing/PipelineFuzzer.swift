import Foundation

/// Runs mutated files through the whole pipeline as the daemon does, and checks what comes out.
///
/// Each input goes through ``Pipeline/articles(from:fileName:modified:)``; its outcome is
/// committed to a real store with the others of its batch, and the store is searched with a
/// query cut from the input. A finding is an article breaking ``ArticleInvariants``, a commit or
/// a search that throws, or a call slower than ``timeBound(forSize:)``. A trap ends the process:
/// the caller keeps the input it was running. The same seed and seeds give the same inputs.
public struct PipelineFuzzer {
    /// The pipeline under test, with its classifier.
    public let pipeline: Pipeline
    /// The store the outcomes are committed to.
    public let store: Store
    /// How many inputs go into one commit.
    public var commitEvery: Int
    /// Makes the inputs.
    public var mutator = FuzzMutator()
    /// Inputs that gave articles, counted.
    public private(set) var articleInputs = 0
    /// Inputs that were rejected, counted.
    public private(set) var rejectedInputs = 0
    /// Searches that ran (queries the parser refused are not counted).
    public private(set) var searches = 0

    private var random: SeededGenerator
    /// The seeds, then inputs that gave articles: what new inputs are mutated from.
    private var parents: [(fileName: String, bytes: [UInt8])]
    private let seedCount: Int
    private var nextIndex = 0
    private var pending: [(input: FuzzInput, outcome: FileOutcome)] = []

    /// Files are dated and committed at one fixed time, so that a run never depends on the clock.
    static let fixedTime = Date(timeIntervalSince1970: 1_646_092_800)  // 2022-03-01
    /// Names an input may take instead of its parent's, so that every extractor sees every content.
    static let otherNames = ["input", "a.txt", "b.html", "c.json", "d.ndjson", "e.xml", "f.rss", "g.atom", "h.md"]
    /// At most this many parents are kept; a new one then replaces a random one that is not a seed.
    static let maxParents = 1024
    /// Larger inputs that gave articles are not kept as parents.
    static let maxParentSize = 16 * 1024
    /// Inputs share this many paths in the store, so that files are also updated and emptied.
    static let pathCount = 61

    /// Creates a fuzzer over `seeds` (at least one), whose run is fixed by `seed`.
    public init(
        pipeline: Pipeline, store: Store, seeds: [(fileName: String, bytes: [UInt8])], seed: UInt64,
        commitEvery: Int = 32
    ) {
        precondition(!seeds.isEmpty, "a fuzzing run needs at least one seed input")
        self.pipeline = pipeline
        self.store = store
        self.commitEvery = commitEvery
        random = SeededGenerator(seed: seed)
        parents = seeds
        seedCount = seeds.count
    }

    /// The longest the pipeline may take on `size` bytes: two seconds per started 64 KiB.
    public static func timeBound(forSize size: Int) -> Duration {
        .seconds(2) * max(1, (size + 65_535) / 65_536)
    }

    /// The next input: a seed as it is one time in sixteen, else a mutation of a parent.
    public mutating func makeInput() -> FuzzInput {
        defer { nextIndex += 1 }
        let parent = parents[Int.random(in: parents.indices, using: &random)]
        var fileName = parent.fileName
        if Int.random(in: 0..<8, using: &random) == 0 {
            fileName = Self.otherNames[Int.random(in: Self.otherNames.indices, using: &random)]
        }
        guard Int.random(in: 0..<16, using: &random) != 0 else {
            return FuzzInput(index: nextIndex, fileName: fileName, bytes: parent.bytes)
        }
        let other = parents[Int.random(in: parents.indices, using: &random)].bytes
        let bytes = mutator.mutate(parent.bytes, splicingWith: other, using: &random)
        return FuzzInput(index: nextIndex, fileName: fileName, bytes: bytes)
    }

    /// Runs `input` through the pipeline and, every ``commitEvery`` inputs, commits and searches.
    public mutating func run(_ input: FuzzInput) -> [FuzzFinding] {
        var findings: [FuzzFinding] = []
        let clock = ContinuousClock()
        let start = clock.now
        let result: FileOutcome.Result
        do {
            let articles = try pipeline.articles(from: input.bytes, fileName: input.fileName, modified: Self.fixedTime)
            result = .articles(articles)
            articleInputs += 1
            findings += ArticleInvariants.violations(of: articles).map {
                FuzzFinding(.invariant, input: input, message: $0)
            }
            learn(from: input)
        } catch {
            result = .rejected(error)
            rejectedInputs += 1
            if error.message.isEmpty {
                findings.append(FuzzFinding(.invariant, input: input, message: "a rejection without a message"))
            }
        }
        let elapsed = start.duration(to: clock.now)
        if elapsed > Self.timeBound(forSize: input.bytes.count) {
            findings.append(FuzzFinding(.slow, input: input, message: "the pipeline took \(elapsed)"))
        }
        let outcome = FileOutcome(
            path: "/fuzz/inbox/\(input.index % Self.pathCount).in", sha256: ContentDigest.sha256(input.bytes),
            size: Int64(input.bytes.count), modificationTime: Self.fixedTime.timeIntervalSince1970, result: result)
        pending.append((input, outcome))
        if pending.count >= commitEvery { findings += commitPending() }
        return findings
    }

    /// Commits and searches the inputs run since the last commit.
    public mutating func finish() -> [FuzzFinding] {
        commitPending()
    }

    /// Keeps an input that gave articles as a parent of later ones, unless it is over 16 KiB.
    ///
    /// Mutations mostly grow inputs: parents of any size made most inputs 64 KiB after a few
    /// thousand, and the run six times slower. Large inputs still come from the long runs.
    private mutating func learn(from input: FuzzInput) {
        guard input.bytes.count <= Self.maxParentSize, Int.random(in: 0..<4, using: &random) == 0 else { return }
        if parents.count < Self.maxParents {
            parents.append((input.fileName, input.bytes))
        } else if parents.count > seedCount {
            parents[Int.random(in: seedCount..<parents.count, using: &random)] = (input.fileName, input.bytes)
        }
    }

    private mutating func commitPending() -> [FuzzFinding] {
        let batch = pending
        pending = []
        guard !batch.isEmpty else { return [] }
        var findings: [FuzzFinding] = []
        do {
            _ = try store.commit(
                batch.map(\.outcome), at: Self.fixedTime, knownEntityIDs: pipeline.classifier.entityIDs(forName:))
        } catch {
            // The batch was rolled back: commit its files one by one to find which one fails.
            for (input, outcome) in batch {
                do {
                    _ = try store.commit([outcome], at: Self.fixedTime)
                } catch {
                    findings.append(FuzzFinding(.storeError, input: input, message: "the commit threw: \(error)"))
                }
            }
            if findings.isEmpty, let last = batch.last {
                let message = "the commit of a batch of \(batch.count) threw, none of its files alone: \(error)"
                findings.append(FuzzFinding(.storeError, input: last.input, message: message))
            }
        }
        for (input, _) in batch {
            findings += search(madeFrom: input)
        }
        return findings
    }

    /// Searches the store with a query cut from the input; a query the parser refuses is no finding.
    private mutating func search(madeFrom input: FuzzInput) -> [FuzzFinding] {
        var random = SeededGenerator(seed: UInt64(input.index))
        let text = QueryMaker.query(from: input.bytes, using: &random)
        guard let query = try? SearchQuery(parsing: text) else { return [] }
        searches += 1
        do {
            _ = try store.search(query, limit: 5, knownEntityIDs: pipeline.classifier.entityIDs(forName:))
            return []
        } catch {
            return [FuzzFinding(.searchError, input: input, message: "searching '\(text)' threw: \(error)")]
        }
    }
}
