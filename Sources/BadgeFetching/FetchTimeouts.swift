import NIOCore

/// The reason texts of timeouts, which must name the limit that was hit: a connect timeout of
/// 5 s once read "did not answer within 15 seconds".
enum FetchTimeouts {
    static func connectReason(_ address: String, limit: TimeAmount, policy: FetchPolicy) -> String {
        if limit < .seconds(policy.connectTimeout) {
            return "\(address) could not be connected to before the night's fetch budget of \(policy.budgetSeconds) seconds was spent"
        }
        return "\(address) could not be connected to within \(policy.connectTimeout) seconds"
    }
}
