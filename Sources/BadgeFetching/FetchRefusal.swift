/// Why a fetch was refused or failed, one sentence for the award's record.
struct FetchRefusal: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
