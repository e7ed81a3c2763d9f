import Testing

@testable import Core

/// The lists of the open-story index: one value inline, more in an array, the same behaviour as an array.
struct StoryCompactListTests {
    @Test func appendingRemovingAndSortingBehaveAsAnArray() {
        var list = CompactList<Int64>(5)
        var array: [Int64] = [5]
        #expect(Array(list) == array)
        for value: Int64 in [3, 9, 3, 1] {
            list.append(value)
            array.append(value)
            #expect(Array(list) == array)
        }
        list.sort()
        array.sort()
        #expect(Array(list) == array)
        #expect(Array(list.reversed().prefix(2)) == Array(array.reversed().prefix(2)))
        list[1] = 7
        array[1] = 7
        #expect(Array(list) == array)
        list.removeAll { $0 == 3 || $0 == 7 }
        array.removeAll { $0 == 3 || $0 == 7 }
        #expect(Array(list) == array)
        list.removeAll { _ in true }
        #expect(list.isEmpty)
    }

    @Test func aListLeftEmptyLeavesItsDictionary() {
        var lists: [String: CompactList<Int64>] = [:]
        lists.append(1, at: "a")
        lists.append(2, at: "a")
        lists.append(3, at: "b")
        #expect(lists.mapValues(Array.init) == ["a": [1, 2], "b": [3]])
        lists.removeAll(at: "a") { $0 == 1 }
        lists.removeAll(at: "b") { $0 == 3 }
        #expect(lists.mapValues(Array.init) == ["a": [2]])
    }

    @Test func aCopyIsNotChangedByTheOriginal() {
        var list = CompactList<Int64>([1, 2])
        let copy = list
        list.append(3)
        list[0] = 0
        #expect(Array(copy) == [1, 2])
        #expect(Array(list) == [0, 2, 3])
    }
}
