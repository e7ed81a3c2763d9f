/// One input of a fuzzing run: the bytes of a file and the name it arrives under.
public struct FuzzInput: Sendable, Equatable {
    /// Its place in the run, from 0; with the seed, enough to make it again.
    public var index: Int
    /// The file name the pipeline is told, whose extension picks the format when the content does not.
    public var fileName: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates an input.
    public init(index: Int, fileName: String, bytes: [UInt8]) {
        self.index = index
        self.fileName = fileName
        self.bytes = bytes
    }
}
