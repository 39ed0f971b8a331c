/// Something that writes records in one output format.
public protocol RecordWriter: AnyObject {
  func write(_ record: Record) throws
  /// Writes whatever the format keeps until the end, and flushes.
  func finish() throws
}
