import Foundation
import Testing

/// docs/architecture.md stays true where it names files: every path it writes in
/// backticks exists, and every folder of NERKit is on its map.
struct ArchitectureDocTests {
  static let root = ToolRunner.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let text = (try? String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)) ?? ""

  @Test func namedPathsExist() throws {
    #expect(!Self.text.isEmpty)
    let paths = Self.text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
      .filter { ["Sources/", "Tests/", "docs/", "bench/", "repro/", "scripts/"].contains(where: $0.hasPrefix) || $0 == "Package.swift" }
    #expect(paths.count > 20)
    for p in paths {
      #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(p).path), "docs/architecture.md names \(p), which does not exist")
    }
  }

  @Test func everyLibraryFolderIsOnTheMap() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources/NERKit").path)
    for f in folders where !f.hasPrefix(".") {
      #expect(Self.text.contains("`Sources/NERKit/\(f)`"), "docs/architecture.md does not place Sources/NERKit/\(f)")
    }
  }
}
