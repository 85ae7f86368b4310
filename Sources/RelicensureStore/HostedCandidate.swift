/// An award whose hosted assertion may be fetched tonight, with what is known of it before any
/// request: the issuer and badge it claims (untrusted until the issuer's host serves it) and the
/// upload file it came in, so that scope and the night's caps are decided first (SPEC §4.4).
public struct HostedCandidate: Sendable, Equatable {
    public var awardID: String
    public var claimedIssuerID: String?
    public var claimedBadgeID: String?
    public var uploadPath: String?

    public init(awardID: String, claimedIssuerID: String?, claimedBadgeID: String?, uploadPath: String?) {
        self.awardID = awardID
        self.claimedIssuerID = claimedIssuerID
        self.claimedBadgeID = claimedBadgeID
        self.uploadPath = uploadPath
    }
}
