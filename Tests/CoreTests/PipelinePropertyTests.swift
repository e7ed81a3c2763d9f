import Core
import Testing

/// Any bytes in: an article or a typed rejection, never a crash.
struct PipelinePropertyTests {
    /// Pieces that steer random input towards the decoder's and extractors' edge cases.
    static let fragments: [[UInt8]] = [
        [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x00], [0xC3], [0xE2, 0x80], Array("<html><p>".utf8),
        Array("<rss><item><title>".utf8), Array("{\"title\":\"".utf8), Array("[{".utf8), Array("\n\n".utf8),
        Array("date 2021-12 ".utf8), Array("l'OTAN ".utf8), Array("<![CDATA[".utf8), Array("&#x".utf8),
    ]

    @Test(arguments: 0..<8)
    func anyBytesGiveArticlesOrATypedRejection(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let pipeline = Pipeline()
        for _ in 0..<250 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                if Bool.random(using: &random) {
                    bytes += Self.fragments.randomElement(using: &random)!  // the list is not empty
                } else {
                    bytes += (0..<Int.random(in: 0...40, using: &random)).map { _ in
                        UInt8.random(in: 0...255, using: &random)
                    }
                }
            }
            do {
                let articles = try pipeline.articles(from: bytes, fileName: "random.bin")
                #expect(!articles.isEmpty)
                #expect(articles.allSatisfy { !$0.title.isEmpty && !$0.language.isEmpty })
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}
