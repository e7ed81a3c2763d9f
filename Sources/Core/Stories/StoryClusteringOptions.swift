import Foundation

/// The settings of story clustering: the window, the similarity thresholds and the bounds that keep
/// the cost per article independent of the archive.
public struct StoryClusteringOptions: Sendable, Equatable {
    /// How far in time a story reaches: 7 days by default.
    ///
    /// Times are the articles' own dates (``EventSpan``). A dated article meets only the stories
    /// whose event span lies within a window of its date, and joins one at ``threshold`` only while
    /// the story's span stays within a window; stretching it further takes ``spanThreshold``. A
    /// story also closes, and leaves memory, a window after its last article arrived, which bounds
    /// what is kept open and is all that limits an undated article or a story with no dated one.
    public var window: TimeInterval
    /// The ``StoryProfile/similarity(to:)`` an article needs to join a story that has its language:
    /// 0.26 by default.
    ///
    /// Measured on the 300 corpus articles of the acceptance test and the seeds: two reports of one
    /// event score 0.28–0.32 (seeds 001 and 004; the corpus's two reports of the Indyref2 ruling and
    /// of the June 2022 flight cancellations), reports of different events of one crisis 0.21–0.25
    /// (the seeds about the January talks), and every other corpus pair 0.24 or less, mostly below
    /// 0.15. Lower merges topics; higher splits the seeds' event.
    public var threshold: Double
    /// The key similarity an article needs to join a story that has none of its language's articles:
    /// 0.35 by default.
    ///
    /// The English report of seed 001's event scores 0.59 with 001 and 0.55 with 004; no corpus
    /// article scores more than 0.20 with a seed or with a corpus article of the other language.
    /// Higher than ``threshold`` because keys alone are less evidence than keys and terms.
    public var crossLanguageThreshold: Double
    /// The similarity an article needs to stretch a story's event span beyond ``window``: 0.55 by
    /// default, so that reports weeks apart make one story only when they are nearly the same text.
    public var spanThreshold: Double
    /// The most candidate stories compared in full with each article: 30 by default.
    ///
    /// Candidates come ranked by the keys they share with the article, and the story an article
    /// joins is nearly always among the first: of the 7,027 joins of an ingest of 20,000 files,
    /// 90% were of the first 5 candidates, 99.3% of the first 30 (the 49 others, 0.7%, go to the
    /// next best or start a story). Reading and comparing candidates grows with the archive,
    /// from 3% of an ingest of 2,000 files to 15% of 20,000; 30 rather than 50 took the wall time
    /// of 20,000 files to 0.90 (farm-bench, 6 pairs), stories agreeing at BCubed F1 0.997.
    public var maximumCandidates: Int
    /// The most stories read per candidate key, most recently updated first: 100 by default.
    ///
    /// With 30 candidates, 100 gave the same stories as 200 on 20,000 files.
    public var storiesPerKey: Int
    /// The most near-duplicate candidates (articles sharing a band key) checked per article.
    public var maximumDuplicateCandidates: Int

    /// Creates options; the defaults are those of ``standard``.
    public init(
        window: TimeInterval = 7 * 24 * 3600, threshold: Double = 0.26, crossLanguageThreshold: Double = 0.35,
        spanThreshold: Double = 0.55, maximumCandidates: Int = 30, storiesPerKey: Int = 100,
        maximumDuplicateCandidates: Int = 20
    ) {
        self.window = window
        self.threshold = threshold
        self.crossLanguageThreshold = crossLanguageThreshold
        self.spanThreshold = spanThreshold
        self.maximumCandidates = maximumCandidates
        self.storiesPerKey = storiesPerKey
        self.maximumDuplicateCandidates = maximumDuplicateCandidates
    }

    /// The defaults.
    public static let standard = StoryClusteringOptions()
}
