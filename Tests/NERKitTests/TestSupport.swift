import Testing
@testable import NERKit
