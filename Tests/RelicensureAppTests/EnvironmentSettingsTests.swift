@testable import RelicensureApp
import Testing

/// Every knob read in one place: their defaults when unset, and values that are ignored or refused.
@Suite("Environment settings")
struct EnvironmentSettingsTests {
    @Test("Unset, every knob has its default and a night neither pauses nor evaluates everything")
    func defaults() throws {
        let settings = EnvironmentSettings([:])
        #expect(settings.databaseURL == nil)
        #expect(try settings.settleSeconds.get() == SettleWindow.defaultSeconds)
        #expect(settings.fetchTimeoutSeconds == nil)
        #expect(!settings.fullEvaluation)
        #expect(settings.addressHashBudget == 2_000_000)
        #expect(settings.pauseAt.isEmpty)
    }

    @Test("Set, each is read; a fetch timeout that is not a positive number and FULL_EVALUATION=0 are ignored")
    func set() throws {
        let settings = EnvironmentSettings([
            "DATABASE_URL": "postgresql:///x", "RELICENSURE_SETTLE_SECONDS": " 0 ", "RELICENSURE_FETCH_TIMEOUT": "2",
            "RELICENSURE_FULL_EVALUATION": "1", "RELICENSURE_ADDRESS_HASH_BUDGET": "10",
            "RELICENSURE_PAUSE_AT": "locked, files-read,,",
        ])
        #expect(settings.databaseURL == "postgresql:///x")
        #expect(try settings.settleSeconds.get() == 0)
        #expect(settings.fetchTimeoutSeconds == 2)
        #expect(settings.fullEvaluation)
        #expect(settings.addressHashBudget == 10)
        #expect(settings.pauseAt == ["locked", "files-read"])
        for ignored in ["0", "-3", "soon"] {
            #expect(EnvironmentSettings(["RELICENSURE_FETCH_TIMEOUT": ignored]).fetchTimeoutSeconds == nil)
        }
        #expect(!EnvironmentSettings(["RELICENSURE_FULL_EVALUATION": "0"]).fullEvaluation)
        #expect(!EnvironmentSettings(["RELICENSURE_FULL_EVALUATION": ""]).fullEvaluation)
        #expect(throws: AppError.self) { try EnvironmentSettings(["RELICENSURE_SETTLE_SECONDS": "-1"]).settleSeconds.get() }
    }
}
