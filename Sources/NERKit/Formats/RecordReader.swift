/// Something that yields records one at a time.
public protocol RecordReader: AnyObject {
  /// The next record, or nil at the end of the input.
  func next() throws -> Record?
}
