/// Which open stories an article can meet: a story whose last article arrived recently enough,
/// and whose event span lies within the window of the article's own date (when both have one).
///
/// Two clocks, for two reasons. The arrival clock bounds memory: a story no article has reached
/// for a window closes, however old its dates. The event clock decides what belongs together: a
/// backlog of old articles dropped at once meets the stories its own dates make, not every story
/// of the day it arrived, so it clusters as those articles would have arriving over time.
public struct StoryWindow: Sendable, Equatable {
    /// Stories whose last article arrived before this time (seconds since 1970) are closed.
    public var receivedAfter: Double
    /// When the article happened; nil when it is undated.
    public var date: EventSpan?
    /// How far from `date` a story's event span may lie, in seconds
    /// (``StoryClusteringOptions/window``).
    public var width: Double

    /// The window of an article dated `date`, placed when the latest arrival is `now`.
    public init(date: EventSpan?, now: Double, width: Double) {
        receivedAfter = now - width
        self.date = date
        self.width = width
    }

    /// Whether a story last reached at `lastArrival` and spanning `span` is open to the article.
    /// Without a date on either side, arrival alone decides.
    public func admits(lastArrival: Double, span: EventSpan?) -> Bool {
        guard lastArrival >= receivedAfter else { return false }
        guard let span, let date else { return true }
        return span.gap(to: date) <= width
    }
}
