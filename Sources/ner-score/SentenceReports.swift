import NERCLI
import NERKit

/// The reports read sentence by sentence (`--gold`, `--errors`, `--partial`,
/// `--compare`): sentences come from the suite's readers (CoNLL or JSONL), each pair of
/// gold and predicted tags is fed to the conlleval scorer and, when a report needs
/// them, chunked into entities by the same rules.
extension NERScore {
  /// One sentence's gold and predicted tags, with what the reports name it by.
  struct TaggedSentence {
    var id: String
    var tokens: [String]
    var gold: [String]
    var guess: [String]
    var lines: [Int]
    /// Set when the gold sentence is tokenized otherwise: the pair by character extent.
    var alignment: CharacterAlignment?
    var invalid = false
  }

  /// What `--gold` scored by character extent, for the note after a report.
  struct AlignmentSummary {
    var sentences = 0
    var aligned = 0
    var gold = 0, goldOff = 0, guess = 0, guessOff = 0

    mutating func add(_ a: CharacterAlignment?) {
      sentences += 1
      guard let a else { return }
      aligned += 1
      gold += a.gold.count
      goldOff += a.goldOffBoundary
      guess += a.guess.count
      guessOff += a.guessOffBoundary
    }

    /// The note on stderr (nothing when every pair had the same tokens).
    func note(_ name: String) {
      guard aligned > 0 else { return }
      Diagnostics.write(
        "ner-score: \(name): \(aligned) of \(sentences) sentences tokenized differently from the gold file, scored by character extent; entities on no token boundary of the other side: \(goldOff) of \(gold) gold, \(guessOff) of \(guess) predicted\n")
    }

    /// The JSON object of the report (nil when every pair had the same tokens).
    var json: String? {
      guard aligned > 0 else { return nil }
      return "{\"sentences\":\(sentences),\"aligned_by_characters\":\(aligned),\"gold\":\(gold),\"gold_off_boundary\":\(goldOff),\"found\":\(guess),\"found_off_boundary\":\(guessOff)}"
    }
  }

  /// Reads the non-empty sentences of an input.
  struct SentenceSource {
    let input: InputFile
    let reader: RecordReader

    init(path: String, format: InputFormat) throws {
      input = try InputFile(path: path)
      reader = try input.recordReader(format)
    }

    func next() throws -> Sentence? {
      try input.located {
        while let r = try reader.next() {
          if case .sentence(let s) = r, s.count > 0 { return s }
        }
        return nil
      }
    }
  }

  /// Runs `body`, turning an alignment mismatch into an error naming the file and line.
  func locating(prediction: InputFile, gold: InputFile?, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let m as GoldAlignment.Mismatch {
      let name = m.side == .gold ? (gold ?? prediction).name : prediction.name
      throw ToolFailure(file: name, line: m.line, m.message, status: ExitStatus.dataError)
    }
  }

  /// Every sentence of the prediction file `path`, aligned with the sentences of the gold
  /// file `goldPath` in order, or carrying its own gold (`tags`) and prediction (`pred`).
  func eachSentence(path: String, goldPath: String?, format: InputFormat, number: inout Int, _ body: (TaggedSentence) throws -> Void) throws {
    let source = try SentenceSource(path: path, format: format)
    let goldSource = try goldPath.map { try SentenceSource(path: $0, format: .auto) }
    while let pred = try source.next() {
      number += 1
      var tags: (gold: [String], guess: [String]) = ([], [])
      var alignment: CharacterAlignment?
      var invalid = false
      var id = pred.metadata("id")
      try locating(prediction: source.input, gold: goldSource?.input) {
        if let goldSource {
          guard let g = try goldSource.next() else {
            throw GoldAlignment.Mismatch.morePredictions(line: pred.line, goldName: goldSource.input.name)
          }
          switch try GoldAlignment.pair(prediction: pred, gold: g, goldName: goldSource.input.name, options: scorerOptions()) {
          case .tokens(let gold, let guess): tags = (gold, guess)
          case .characters(let a, let i): (alignment, invalid) = (a, i)
          }
          id = id ?? g.metadata("id")
        } else {
          guard let g = pred.tagColumn, let p = pred.columnIndex("pred") else {
            throw GoldAlignment.Mismatch(
              .prediction, line: pred.line, "a sentence needs gold tags and a prediction column to be scored (or give --gold FILE)")
          }
          tags = (pred.columns[g].values, pred.columns[p].values)
        }
      }
      let lines = (0..<pred.count).map { pred.lineOfToken($0) }
      try source.input.located {
        try body(
          TaggedSentence(
            id: id ?? String(number), tokens: pred.tokens, gold: tags.gold, guess: tags.guess, lines: lines,
            alignment: alignment, invalid: invalid))
      }
    }
    if let goldSource, let extra = try goldSource.next() {
      try locating(prediction: goldSource.input, gold: goldSource.input) { throw GoldAlignment.Mismatch.moreGold(line: extra.line) }
    }
  }

  /// The scorer's options from the command line.
  func scorerOptions() -> ConllevalScorer.Options {
    var options = ConllevalScorer.Options()
    options.delimiter = delimiter
    options.raw = raw
    options.outsideTag = outsideTag
    options.strictScheme = scheme
    options.recordSpans = byLength || confusion || bootstrap != nil
    options.requireTags = true
    return options
  }

  /// `--gold`, `--errors`, `--partial`: one report per prediction file with `--gold`,
  /// else one for all inputs; `--errors` lists errors as it goes instead.
  func runSentenceReports(_ target: OutputTarget) throws {
    let options = scorerOptions()
    let groups = gold == nil ? [InputFile.paths(files)] : InputFile.paths(files).map { [$0] }
    for (k, paths) in groups.enumerated() {
      if groups.count > 1 && !errors {
        try Array("\(k > 0 ? "\n" : "")==> \(paths[0]) <==\n".utf8).withUnsafeBufferPointer { try target.buffer.write($0) }
      }
      var scorer = try ConllevalScorer(options: options)
      var partialScores = PartialScores()
      var summary = AlignmentSummary()
      var number = 0
      for path in paths {
        try eachSentence(path: path, goldPath: gold, format: inputFormat.from, number: &number) { s in
          summary.add(s.alignment)
          if let a = s.alignment {
            try scorer.addSpans(count: a.pieces.count, gold: a.gold, guess: a.guess, invalid: s.invalid)
          } else {
            for i in 0..<s.gold.count { try scorer.addToken(gold: s.gold[i], guess: s.guess[i], line: s.lines[i]) }
            try scorer.addBoundary()
          }
          guard errors || partial else { return }
          let entities = try s.alignment.map { SentenceEntities(gold: $0.gold, guess: $0.guess, correct: $0.correct) }
            ?? SentenceEntities(gold: s.gold, guess: s.guess, lines: s.lines, options: options)
          if errors {
            try Array(errorLines(s, entities).utf8).withUnsafeBufferPointer { try target.buffer.write($0) }
          } else {
            partialScores.add(entities)
          }
        }
      }
      if !errors {
        try writeReport(scorer.finish(), partial: partial ? partialScores : nil, alignment: summary.json, target)
      }
      summary.note(paths[0] == "-" ? "<stdin>" : paths[0])
    }
  }

  /// The `--errors` lines of a sentence: over its tokens, or, aligned by characters, with
  /// character offsets and the text between them.
  func errorLines(_ s: TaggedSentence, _ entities: SentenceEntities) -> String {
    guard let a = s.alignment else { return ErrorListing.lines(id: s.id, tokens: s.tokens, entities) }
    return ErrorListing.lines(
      id: s.id, entities, bounds: { let r = a.characters($0, $1); return (r.lowerBound, r.upperBound) },
      text: { a.text($0, $1) })
  }

  /// `--compare A B --gold G`: the paired significance tests.
  func runCompare(_ target: OutputTarget) throws {
    let options = scorerOptions()
    let a = try SentenceSource(path: compare[0], format: inputFormat.from)
    let b = try SentenceSource(path: compare[1], format: inputFormat.from)
    let g = try SentenceSource(path: gold!, format: .auto)
    var counts: [Significance.SentenceCounts] = []
    while let gs = try g.next() {
      var row = Significance.SentenceCounts(gold: 0, guessA: 0, correctA: 0, guessB: 0, correctB: 0)
      for (k, side) in [a, b].enumerated() {
        try locating(prediction: side.input, gold: g.input) {
          guard let ps = try side.next() else {
            throw GoldAlignment.Mismatch(.gold, line: gs.line, "more sentences than in \(side.input.name)")
          }
          let e: SentenceEntities
          switch try GoldAlignment.pair(prediction: ps, gold: gs, goldName: g.input.name, options: options) {
          case .tokens(let gold, let guess):
            let lines = (0..<ps.count).map { ps.lineOfToken($0) }
            e = try side.input.located { try SentenceEntities(gold: gold, guess: guess, lines: lines, options: options) }
          case .characters(let a, _):
            e = SentenceEntities(gold: a.gold, guess: a.guess, correct: a.correct)
          }
          row.gold = e.gold.count
          if k == 0 { row.guessA = e.guess.count; row.correctA = e.correct } else { row.guessB = e.guess.count; row.correctB = e.correct }
        }
      }
      counts.append(row)
    }
    for side in [a, b] {
      if let extra = try side.next() {
        throw ToolFailure(file: side.input.name, line: extra.line, "more sentences than in the gold file \(g.input.name)", status: ExitStatus.dataError)
      }
    }
    let result = Significance(counts, samples: samples, seed: seed)
    let text = format == .json ? result.json(nameA: a.input.name, nameB: b.input.name) : result.text(nameA: a.input.name, nameB: b.input.name)
    try Array(text.utf8).withUnsafeBufferPointer { try target.buffer.write($0) }
  }
}
