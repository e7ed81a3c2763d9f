#!/usr/bin/env bash
# Shows whether the thread sanitizer understands Synchronization.Mutex on this machine: two threads
# append and pop under one Mutex, which is correct. On Swift 6.3 for Linux TSan reports "Swift access
# race" and "data race" here anyway (the Mutex is a futex lock inside the uninstrumented standard
# library, so TSan never sees it acquired), so its reports on code that uses Mutex are not evidence.
# usage: scripts/tsan-mutex-probe.sh   (prints the count of TSan warnings; 0 means TSan can be trusted)
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cat > "$T/probe.swift" <<'SWIFT'
import Foundation
import Synchronization

final class Box: Sendable { let lists = Mutex<[String: [Int]]>([:]) }
let box = Box()
let group = DispatchGroup()
for thread in 0..<2 {
    DispatchQueue.global().async(group: group) {
        for index in 0..<10_000 {
            box.lists.withLock { $0["a", default: []].append(index + thread) }
            _ = box.lists.withLock { $0["a"]?.popLast() }
        }
    }
}
group.wait()
print("left:", box.lists.withLock { $0["a"]?.count ?? -1 })
SWIFT
swiftc -sanitize=thread -O "$T/probe.swift" -o "$T/probe"
TSAN_OPTIONS=halt_on_error=0 "$T/probe" 2>"$T/report" || true
echo "TSan warnings on a correct Mutex: $(grep -c '^WARNING: ThreadSanitizer' "$T/report" || true)"
