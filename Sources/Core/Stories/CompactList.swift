/// A short list of values that holds a single value without a heap allocation.
///
/// The open-story index keeps hundreds of thousands of lists (the articles under each MinHash band,
/// the stories under each key), and most of them hold one value: as arrays, each cost an
/// allocation of about 48 bytes on top of its dictionary slot; a single value now sits in the slot.
struct CompactList<Element>: RandomAccessCollection {
    fileprivate enum Storage {
        case one(Element)
        case many([Element])
    }

    private var storage: Storage

    /// A list of one value.
    init(_ element: Element) {
        storage = .one(element)
    }

    /// A list of `elements`.
    init(_ elements: [Element]) {
        storage = elements.count == 1 ? .one(elements[0]) : .many(elements)
    }

    /// The first position, 0.
    var startIndex: Int { 0 }

    /// The count.
    var endIndex: Int {
        switch storage {
        case .one: 1
        case .many(let elements): elements.count
        }
    }

    /// The value at `position`.
    subscript(position: Int) -> Element {
        get {
            switch storage {
            case .one(let element):
                precondition(position == 0, "CompactList index out of range")
                return element
            case .many(let elements): return elements[position]
            }
        }
        set {
            switch storage {
            case .one:
                precondition(position == 0, "CompactList index out of range")
                storage = .one(newValue)
            case .many(var elements):
                storage = .many([])  // drops the second reference, so the write below does not copy
                elements[position] = newValue
                storage = .many(elements)
            }
        }
    }

    /// Adds `element` at the end.
    mutating func append(_ element: Element) {
        switch storage {
        case .one(let first):
            storage = .many([first, element])
        case .many(var elements):
            storage = .many([])  // as in the subscript's setter
            elements.append(element)
            storage = .many(elements)
        }
    }

    /// Removes the values that match `shouldRemove`; the list may end empty.
    mutating func removeAll(where shouldRemove: (Element) throws -> Bool) rethrows {
        switch storage {
        case .one(let element):
            if try shouldRemove(element) { storage = .many([]) }
        case .many(var elements):
            storage = .many([])
            try elements.removeAll(where: shouldRemove)
            storage = elements.count == 1 ? .one(elements[0]) : .many(elements)
        }
    }
}

extension CompactList: Sendable where Element: Sendable {}

extension CompactList.Storage: Sendable where Element: Sendable {}

extension CompactList where Element: Comparable {
    /// Sorts the values in place, smallest first.
    mutating func sort() {
        guard case .many(var elements) = storage else { return }
        storage = .many([])
        elements.sort()
        storage = .many(elements)
    }
}

extension Dictionary {
    /// Appends `element` to the list at `key`, starting one when there is none.
    mutating func append<Element>(_ element: Element, at key: Key) where Value == CompactList<Element> {
        if self[key]?.append(element) == nil { self[key] = CompactList(element) }
    }

    /// Removes the values matching `shouldRemove` from the list at `key`, and the list when it ends empty.
    mutating func removeAll<Element>(
        at key: Key, where shouldRemove: (Element) -> Bool
    ) where Value == CompactList<Element> {
        self[key]?.removeAll(where: shouldRemove)
        if self[key]?.isEmpty == true { self[key] = nil }
    }
}
