import Core
import Foundation

// Runs mutated files through the whole pipeline and a real store: `make fuzz`.
//
//   Fuzz [--count N] [--seconds S] [--seed K] [--data DIR] [--seeds DIR]... [--out DIR]
//   Fuzz --replay FILE [--name NAME] [--data DIR]
//
// Failures and slow inputs are written to --out (default `crashes`) and their paths printed; a
// trap or a hang leaves its input there too. The exit status is 1 when an input failed.

/// The command line, parsed by hand: the tool has no dependency beyond Core.
struct Options {
    var count: Int?
    var seconds: Double?
    var seed: UInt64 = 1
    var data = "data"
    var seedFolders: [String] = []
    var out = "crashes"
    var replay: String?
    var name: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { Self.fail("\(flag) needs a value") }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--count": count = Self.number(value(flag), flag, as: Int.self)
            case "--seconds": seconds = Self.number(value(flag), flag, as: Double.self)
            case "--seed": seed = Self.number(value(flag), flag, as: UInt64.self)
            case "--data": data = value(flag)
            case "--seeds": seedFolders.append(value(flag))
            case "--out": out = value(flag)
            case "--replay": replay = value(flag)
            case "--name": name = value(flag)
            default: Self.fail("unknown option '\(flag)'")
            }
        }
        if seedFolders.isEmpty { seedFolders = ["../shared/seeds", "Tests/Fixtures", "Tools/Fuzz/fixtures"] }
        if count == nil && seconds == nil { count = 100_000 }
    }

    static func number<Number: LosslessStringConvertible>(_ text: String, _ flag: String, as: Number.Type) -> Number {
        guard let number = Number(text) else { fail("\(flag) needs a number, not '\(text)'") }
        return number
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz: \(message)\n".utf8))
        exit(2)
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let classifier: Classifier
do {
    classifier = try Classifier(dataFolder: URL(fileURLWithPath: options.data))
} catch {
    Options.fail("cannot load the data folder '\(options.data)' (give it with --data): \(error)")
}
let storeFolder = FileManager.default.temporaryDirectory.appendingPathComponent("newsdrop-fuzz-\(getpid())").path
let store: Store
do {
    store = try Store(stateDirectory: storeFolder, create: true)
} catch {
    Options.fail("cannot create the store in '\(storeFolder)': \(error)")
}
try? FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
CrashGuard.install(folder: options.out)

/// Writes a finding's input to the output folder and returns its path.
func keep(_ finding: FuzzFinding) -> String {
    let path = options.out + "/" + crashName(finding.input, kind: finding.kind.rawValue)
    _ = FileManager.default.createFile(atPath: path, contents: Data(finding.input.bytes))
    return path
}

/// `seed1-42-invariant.feed.rss`: enough to make the input again, and its name after the first dot.
func crashName(_ input: FuzzInput, kind: String) -> String {
    "seed\(options.seed)-\(input.index)-\(kind).\(input.fileName.replacingOccurrences(of: "/", with: "_"))"
}

if let replay = options.replay {
    guard let data = FileManager.default.contents(atPath: replay) else { Options.fail("cannot read '\(replay)'") }
    let fileName =
        options.name ?? URL(fileURLWithPath: replay).lastPathComponent.split(separator: ".", maxSplits: 1)
        .last.map(String.init) ?? "input"
    let input = FuzzInput(index: 0, fileName: fileName, bytes: Array(data))
    var fuzzer = PipelineFuzzer(
        pipeline: Pipeline(classifier: classifier), store: store, seeds: [(fileName, input.bytes)], seed: 0)
    let findings = fuzzer.run(input) + fuzzer.finish()
    for finding in findings { print(finding) }
    print("fuzz: replayed '\(replay)' as '\(fileName)': \(findings.count) finding(s)")
    try? FileManager.default.removeItem(atPath: storeFolder)
    exit(findings.contains(where: \.isFailure) ? 1 : 0)
}

let seeds =
    FuzzSeeds.builtIn.map { ($0.fileName, Array($0.text.utf8)) }
    + FuzzSeeds.files(in: options.seedFolders.map { URL(fileURLWithPath: $0) })
var fuzzer = PipelineFuzzer(
    pipeline: Pipeline(classifier: classifier), store: store, seeds: seeds, seed: options.seed)
print("fuzz: seed \(options.seed), \(seeds.count) seed inputs, store in \(storeFolder)")

let clock = ContinuousClock()
let start = clock.now
let deadline = options.seconds.map { start + .milliseconds(Int($0 * 1000)) }
var lastReport = start
var inputs = 0
var failures = 0
var slow = 0

@MainActor func record(_ findings: [FuzzFinding]) {
    for finding in findings {
        let path = keep(finding)
        if finding.isFailure { failures += 1 } else { slow += 1 }
        print("fuzz: \(finding)\n      kept in \(path)")
    }
}

@MainActor func rate() -> Int {
    let elapsed = start.duration(to: clock.now).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    return seconds > 0 ? Int(Double(inputs) / seconds) : 0
}

while inputs < options.count ?? .max, deadline.map({ clock.now < $0 }) ?? true {
    let input = fuzzer.makeInput()
    CrashGuard.willRun(input.bytes, keptAs: options.out + "/" + crashName(input, kind: "crash"))
    let findings = fuzzer.run(input)
    CrashGuard.didRun()
    inputs += 1
    record(findings)
    if lastReport.duration(to: clock.now) > .seconds(10) {
        lastReport = clock.now
        print("fuzz: \(inputs) inputs, \(failures) failures, \(rate()) inputs/s")
        fflush(nil)  // progress shows when the output goes to a file or a pipe
    }
}
record(fuzzer.finish())
try? FileManager.default.removeItem(atPath: options.out + "/.current-input")
try? FileManager.default.removeItem(atPath: storeFolder)
print(
    "fuzz: \(inputs) inputs (\(fuzzer.articleInputs) with articles, \(fuzzer.rejectedInputs) rejected, "
        + "\(fuzzer.searches) searches), \(slow) slow")
print("fuzz: \(inputs) inputs, \(failures) failures, \(rate()) inputs/s")
exit(failures > 0 ? 1 : 0)
