import AsyncHTTPClient
import NIOHTTP1

extension S3Client {
    /// One page of ListObjectsV2: up to `maxKeys` keys under `prefix` after `continuationToken`.
    public func listObjectsPage(
        bucket: String, prefix: String = "", continuationToken: String? = nil, maxKeys: Int = 1000
    ) async throws -> S3ObjectListing {
        var query = [("list-type", "2"), ("max-keys", String(maxKeys))]
        if !prefix.isEmpty { query.append(("prefix", prefix)) }
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        let body = try await send(S3Request(operation: "ListObjectsV2", method: .GET, bucket: try checked(bucket), query: query))
        let xml = XMLElements(body)
        let objects = try xml.blocks("Contents").map { entry in
            guard let key = entry.value("Key") else { throw S3Error.invalidResponse(operation: "ListObjectsV2", detail: "an entry has no Key") }
            return S3ObjectSummary(key: key, size: entry.value("Size").flatMap { Int64($0) } ?? 0, eTag: entry.value("ETag"))
        }
        let truncated = xml.value("IsTruncated") == "true"
        let next = truncated ? xml.value("NextContinuationToken") : nil
        if truncated, next == nil {
            throw S3Error.invalidResponse(operation: "ListObjectsV2", detail: "a truncated page without NextContinuationToken")
        }
        return S3ObjectListing(objects: objects, nextContinuationToken: next)
    }

    /// Every object under `prefix`, in key order, following continuation tokens page by page.
    public func listObjects(bucket: String, prefix: String = "", pageSize: Int = 1000) async throws -> [S3ObjectSummary] {
        var objects: [S3ObjectSummary] = []
        var token: String?
        repeat {
            let page = try await listObjectsPage(bucket: bucket, prefix: prefix, continuationToken: token, maxKeys: pageSize)
            objects += page.objects
            token = page.nextContinuationToken
        } while token != nil
        return objects
    }
}

/// One object in a listing.
public struct S3ObjectSummary: Sendable, Hashable {
    public var key: String
    public var size: Int64
    public var eTag: String?
}

/// One page of a listing and the token of the next one (nil on the last page).
public struct S3ObjectListing: Sendable, Hashable {
    public var objects: [S3ObjectSummary]
    public var nextContinuationToken: String?
}
