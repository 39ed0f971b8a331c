import Testing

@testable import NERKit

/// The scalars of a string (`==` on `String` compares canonical equivalence).
private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite struct NormalizationTests {
  @Test func nfcComposes() {
    #expect(scalars(NormalizationForm.nfc.apply("e\u{301}")) == [0xE9])
    #expect(scalars(NormalizationForm.nfc.apply("Caf\u{65}\u{301} ok")) == scalars("Caf\u{E9} ok"))
  }

  @Test func nfdDecomposes() {
    #expect(scalars(NormalizationForm.nfd.apply("\u{E9}")) == [0x65, 0x301])
  }

  @Test func nfkcFoldsCompatibilityCharacters() {
    #expect(NormalizationForm.nfkc.apply("\u{FB01}") == "fi")
    #expect(Array(NormalizationForm.nfkc.apply("\u{FB01}le").utf8) == Array("file".utf8))
    #expect(scalars(NormalizationForm.nfkc.apply("\u{2460}")) == [0x31])  // circled digit one
    #expect(scalars(NormalizationForm.nfkc.apply("e\u{301}")) == [0xE9])
  }

  @Test func nfkdFoldsAndDecomposes() {
    #expect(Array(NormalizationForm.nfkd.apply("\u{FB01}").utf8) == Array("fi".utf8))
    #expect(scalars(NormalizationForm.nfkd.apply("\u{E9}")) == [0x65, 0x301])
  }

  @Test func nfcKeepsCompatibilityCharacters() {
    #expect(scalars(NormalizationForm.nfc.apply("\u{FB01}")) == [0xFB01])
  }

  @Test(arguments: NormalizationForm.allCases)
  func asciiIsUnchanged(form: NormalizationForm) {
    for text in ["", "plain ASCII B-PER", "tab\tnewline\n~"] {
      #expect(Array(form.apply(text).utf8) == Array(text.utf8))
    }
  }

  @Test(arguments: NormalizationForm.allCases)
  func alreadyNormalizedTextIsUnchanged(form: NormalizationForm) {
    let text = "日本語 Ünïcödé"  // precomposed and compatibility-free: NFC and NFKC
    let once = form.apply(text)
    #expect(Array(form.apply(once).utf8) == Array(once.utf8))  // idempotent
  }

  @Test func outputLongerThanThreeTimesTheInput() {
    // U+FDFA (3 bytes) decomposes under NFKD into 18 scalars (33 bytes).
    let expected: [UInt32] = [
      0x635, 0x644, 0x649, 0x20, 0x627, 0x644, 0x644, 0x647, 0x20, 0x639, 0x644, 0x64A, 0x647, 0x20, 0x648, 0x633,
      0x644, 0x645,
    ]
    #expect(scalars(NormalizationForm.nfkd.apply("\u{FDFA}")) == expected)
    #expect(scalars(NormalizationForm.nfkd.apply(String(repeating: "\u{FDFA}", count: 50))) == Array([[UInt32]](repeating: expected, count: 50).joined()))
  }

  @Test func longMixedText() {
    let text = String(repeating: "abc e\u{301} \u{FB01} ", count: 2000)
    let out = NormalizationForm.nfkc.apply(text)
    #expect(Array(out.utf8) == Array(String(repeating: "abc \u{E9} fi ", count: 2000).utf8))
  }

  @Test func rawValuesAndICUVersion() {
    #expect(NormalizationForm.allCases.map(\.rawValue) == ["nfc", "nfd", "nfkc", "nfkd"])
    #expect(!NormalizationForm.icuVersion.isEmpty)
    #expect(NormalizationForm.icuVersion.first?.isNumber == true)
  }
}
