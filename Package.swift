// swift-tools-version:6.0
import PackageDescription

/// Every tool of the suite is one executable target `Sources/<tool>/` holding one
/// `@main` command, listed here once. Adding a tool means adding its folder and its name.
let tools = ["ner-score", "ner-convert", "ner-tokenize", "ner-romanize", "ner-tag", "ner-translate"]

let package = Package(
  name: "ner-tools",
  products: [
    .library(name: "NERKit", targets: ["NERKit"])
  ] + tools.map { .executable(name: $0, targets: [$0]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // System ICU behind a plain-C seam: every <unicode/...> include stays in its .c files.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // BLAS and LAPACK (OpenBLAS, LAPACKE) behind a plain-C seam: <cblas.h> and
    // <lapacke.h> stay in its .c files.
    .target(
      name: "CLinAlg",
      linkerSettings: [.linkedLibrary("lapacke"), .linkedLibrary("openblas")]
    ),
    // zlib behind a plain-C seam: gzip input read transparently, `-o FILE.gz` compressed.
    .target(
      name: "CZlib",
      linkerSettings: [.linkedLibrary("z")]
    ),
    .target(name: "NERKit", dependencies: ["CICU", "CLinAlg", "CZlib"]),
    .target(
      name: "NERCLI",
      dependencies: ["NERKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "NERKitTests", dependencies: ["NERKit"]),
    // Runs the built tools on fixtures (found through #filePath, so none are bundled).
    .testTarget(
      name: "CLITests",
      dependencies: tools.map { .target(name: $0) },
      exclude: ["Fixtures"]
    ),
    // Fuzzes every reader through the tools (a bounded, seeded pass; bench/fuzz.sh runs
    // long ones); Crashers holds the inputs that once failed, replayed.
    .testTarget(
      name: "FuzzTests",
      dependencies: tools.map { .target(name: $0) },
      exclude: ["Crashers"]
    ),
  ] + tools.map {
    .executableTarget(
      name: $0,
      dependencies: ["NERKit", "NERCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    )
  },
  swiftLanguageModes: [.v5]
)
