extension Sequence {
    /// The first `count` elements of `sorted(by: areInIncreasingOrder)`, in that order, for the cost
    /// of keeping `count` of them sorted rather than sorting them all.
    ///
    /// An article has some hundreds of terms and keeps its 60 heaviest: sorting them all was most
    /// of picking them. `areInIncreasingOrder` must be a strict total order (ties broken by a
    /// unique key), so that which of equal elements comes first does not depend on the algorithm.
    func prefixOfSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count + 1)
        for element in self {
            if kept.count == count, let last = kept.last, !areInIncreasingOrder(element, last) { continue }
            // After every kept element that comes before it: a binary search of the sorted prefix.
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(element, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
