/// One chat call as it happened: the completion and the bytes that went each way.
///
/// The caching decorator stores the bytes; the request body never holds credentials (those
/// travel in headers).
public struct ChatExchange: Sendable {
    public var completion: ChatCompletion
    /// The request body as sent.
    public var requestBody: [UInt8]
    /// The response body as received.
    public var responseBody: [UInt8]
    /// Requests it took, counting retries.
    public var attempts: Int

    public init(
        completion: ChatCompletion, requestBody: [UInt8], responseBody: [UInt8], attempts: Int = 1
    ) {
        self.completion = completion
        self.requestBody = requestBody
        self.responseBody = responseBody
        self.attempts = attempts
    }
}
