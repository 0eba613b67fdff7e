#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything etl-builder persists: users and credentials, pipelines and their history,
/// connections (secrets encrypted at rest), executions with their logs and metrics, and
/// the audit trail.
///
/// Conventions shared by every backend:
/// - Getters (`user(id:)`, `pipeline(id:)`…) return `nil` when nothing matches; mutations
///   of a missing row throw ``StoreError/notFound(entity:id:)``.
/// - Unique violations throw ``StoreError/conflict(entity:field:)`` naming the field.
/// - The store stamps `created_at`/`updated_at` and other "now" instants from its clock;
///   instants are kept to the microsecond.
/// - JSON columns (`config`, `params`, `metadata`…) are text the store never interprets.
/// - Deleting a pipeline deletes its versions, tags and executions (with their logs and
///   metrics); it is refused while an execution is `pending` or `running`.
public protocol MetadataStore: Sendable {
    // MARK: Lifecycle

    /// The migrations embedded for this backend.
    var bundledMigrations: [Migration] { get }

    /// Applies `migrations` (see ``MigrationRunner``). Use ``migrate()`` for the bundled ones.
    func migrate(_ migrations: [Migration]) async throws(StoreError) -> MigrationReport

    /// Closes the database; later calls throw ``StoreError/closed``.
    func close() async throws(StoreError)

    // MARK: Users

    func createUser(_ user: NewUser) async throws(StoreError) -> UserRecord
    func user(id: UUID) async throws(StoreError) -> UserRecord?
    /// Case-insensitive.
    func user(username: String) async throws(StoreError) -> UserRecord?
    /// Ordered by creation time, then id.
    func listUsers(page: PageRequest) async throws(StoreError) -> Page<UserRecord>
    func updateUser(id: UUID, _ update: UserUpdate) async throws(StoreError) -> UserRecord
    func countUsers() async throws(StoreError) -> Int
    /// Increments `failed_login_count`; once it reaches `lockAfter`, sets `locked_until = now + lockDuration`.
    func recordFailedLogin(userID: UUID, lockAfter: Int, lockDuration: Duration) async throws(StoreError) -> UserRecord
    /// Resets the failure count and lock, sets `last_login_at = now`.
    func recordSuccessfulLogin(userID: UUID) async throws(StoreError) -> UserRecord

    // MARK: Refresh tokens

    func issueRefreshToken(_ token: NewRefreshToken) async throws(StoreError) -> RefreshTokenRecord
    func refreshToken(hash: String) async throws(StoreError) -> RefreshTokenRecord?
    /// Atomically checks the presented token and, if usable, marks it replaced by `next`
    /// (inserted into the same family; `next.familyID` and `next.userID` are taken from the
    /// presented token). A replaced or revoked token revokes its whole family.
    func rotateRefreshToken(presentedHash: String, next: NewRefreshToken) async throws(StoreError) -> RefreshRotation
    /// Revokes every unrevoked token of the family; returns how many.
    @discardableResult
    func revokeRefreshFamily(familyID: UUID) async throws(StoreError) -> Int
    /// Revokes every unrevoked token of the user (logout everywhere, password change); returns how many.
    @discardableResult
    func revokeAllRefreshTokens(userID: UUID) async throws(StoreError) -> Int
    /// Deletes tokens that expired before `cutoff`; returns how many.
    @discardableResult
    func deleteExpiredRefreshTokens(before cutoff: Date) async throws(StoreError) -> Int

    // MARK: API keys

    func createAPIKey(_ key: NewAPIKey) async throws(StoreError) -> APIKeyRecord
    /// Newest first, revoked ones included.
    func apiKeys(userID: UUID) async throws(StoreError) -> [APIKeyRecord]
    func apiKey(hash: String) async throws(StoreError) -> APIKeyRecord?
    /// Sets `revoked_at` (idempotent: a revoked key keeps its first revocation time).
    func revokeAPIKey(id: UUID) async throws(StoreError) -> APIKeyRecord
    /// Sets `last_used_at = now`.
    func touchAPIKey(id: UUID) async throws(StoreError)

    // MARK: Pipelines

    /// Creates the pipeline at version `1.0.0` and records that version.
    func createPipeline(_ pipeline: NewPipeline) async throws(StoreError) -> PipelineRecord
    func pipeline(id: UUID) async throws(StoreError) -> PipelineRecord?
    /// Newest first (creation time, then id).
    func listPipelines(filter: PipelineFilter, page: PageRequest) async throws(StoreError) -> Page<PipelineRecord>
    /// Applies `update`; a changed config bumps the minor version and records a version row.
    func updatePipeline(id: UUID, _ update: PipelineUpdate) async throws(StoreError) -> PipelineRecord
    /// Deletes the pipeline and everything under it; ``StoreError/invalidState(entity:reason:)``
    /// while an execution is pending or running.
    func deletePipeline(id: UUID) async throws(StoreError)
    /// Newest first.
    func pipelineVersions(pipelineID: UUID) async throws(StoreError) -> [PipelineVersionRecord]
    /// Pipelines the scheduler must arm: `active`, `is_scheduled`, with a schedule.
    func armedPipelines() async throws(StoreError) -> [PipelineRecord]
    /// Records the last slot fired (does not touch `updated_at`).
    func setLastFiredSlot(pipelineID: UUID, slot: Date) async throws(StoreError)

    // MARK: Connections

    func createConnection(_ connection: NewConnection) async throws(StoreError) -> ConnectionRecord
    func connection(id: UUID) async throws(StoreError) -> ConnectionRecord?
    /// The connection called `name` (names are unique, case-insensitively).
    func connection(named name: String) async throws(StoreError) -> ConnectionRecord?
    /// Ordered by name (case-insensitive).
    func listConnections(page: PageRequest) async throws(StoreError) -> Page<ConnectionRecord>
    /// Secrets merge (see ``ConnectionUpdate``).
    func updateConnection(id: UUID, _ update: ConnectionUpdate) async throws(StoreError) -> ConnectionRecord
    func deleteConnection(id: UUID) async throws(StoreError)
    /// Records a test: sets `status`, `last_tested_at = now` and the message.
    func setConnectionTestResult(id: UUID, status: ConnectionStatus, message: String?) async throws(StoreError)
        -> ConnectionRecord

    /// Per node id, the JSON object text each node of the pipeline kept after its last
    /// successful run (see ``ExecutionCompletion/nodeState``).
    func nodeState(pipelineID: UUID) async throws(StoreError) -> [String: String]

    // MARK: Executions

    /// Enqueues a `pending` execution. With `scheduledFor` set, a second insert for the same
    /// slot returns ``ExecutionInsertResult/slotTaken``. Unknown pipeline: `notFound`.
    func insertExecution(_ execution: NewExecution) async throws(StoreError) -> ExecutionInsertResult
    func execution(id: UUID) async throws(StoreError) -> ExecutionRecord?
    /// Newest first (queue time, then id), with the pipeline name.
    func listExecutions(filter: ExecutionFilter, page: PageRequest) async throws(StoreError) -> Page<ExecutionSummary>
    /// The most recently queued execution of each given pipeline (pipelines with none are absent).
    func lastExecutions(pipelineIDs: [UUID]) async throws(StoreError) -> [UUID: ExecutionRecord]
    /// Atomically takes the oldest claimable pending execution (its `not_before` passed, its
    /// pipeline not in `excludingPipelines`): sets `running`, `started_at = now`, `claimed_by = node`.
    /// `nil` when there is none. Each execution is claimed once.
    func claimNextExecution(node: String, excludingPipelines: Set<UUID>) async throws(StoreError) -> ExecutionRecord?
    /// The earliest `not_before` still in the future among pending executions (when the executor
    /// must look at the queue again); nil when there is none.
    func nextDeferredExecution() async throws(StoreError) -> Date?
    /// The pending and running executions of a pipeline, oldest first.
    func activeExecutions(pipelineID: UUID) async throws(StoreError) -> [ExecutionRecord]
    /// Fires cron slots in one transaction, in order. For each: moves the pipeline's
    /// `last_fired_slot` forward to the slot (never back), then inserts a `pending` execution with
    /// `trigger_type = scheduled`, `scheduled_for = slot` and `fired_at` unless the slot is already
    /// taken or (with `skipIfActive`) the pipeline has a pending or running execution.
    func fireSlots(_ fires: [SlotFire]) async throws(StoreError) -> [SlotFireResult]
    /// Updates the running counters of an execution.
    func updateExecutionProgress(id: UUID, rowsProcessed: Int64, dataSizeBytes: Int64) async throws(StoreError)
    /// Moves a pending or running execution to a final status, stamping `completed_at = now`
    /// and `duration_seconds` (from `started_at`; `nil` if it never started).
    /// A final execution throws ``StoreError/invalidState(entity:reason:)``.
    func finishExecution(id: UUID, _ completion: ExecutionCompletion) async throws(StoreError) -> ExecutionRecord
    /// After a crash: every `running` execution (of `node`, or of any node when `nil`)
    /// becomes `failed` with `message`. Returns the ids.
    func markInterruptedExecutions(node: String?, message: String) async throws(StoreError) -> [UUID]
    /// Number of executions per status (all statuses present, zeros included).
    func countExecutionsByStatus(pipelineID: UUID?) async throws(StoreError) -> [ExecutionStatus: Int]

    // MARK: Execution logs and metrics

    /// Appends lines in order, assigning consecutive `seq` numbers; returns the stored lines.
    @discardableResult
    func appendExecutionLogs(executionID: UUID, _ lines: [NewExecutionLog]) async throws(StoreError)
        -> [ExecutionLogRecord]
    /// In `seq` order.
    func executionLogs(executionID: UUID, filter: ExecutionLogFilter, page: PageRequest) async throws(StoreError)
        -> Page<ExecutionLogRecord>
    /// Inserts or replaces the metrics of one node of an execution.
    func upsertNodeMetrics(_ metrics: NodeMetricsRecord) async throws(StoreError)
    /// In the order nodes first reported.
    func nodeMetrics(executionID: UUID) async throws(StoreError) -> [NodeMetricsRecord]

    // MARK: Audit

    func appendAuditEvent(_ event: AuditEventRecord) async throws(StoreError)
    /// Newest first.
    func listAuditEvents(page: PageRequest) async throws(StoreError) -> Page<AuditEventRecord>
}

extension MetadataStore {
    /// Takes the oldest claimable pending execution of any pipeline.
    public func claimNextExecution(node: String) async throws(StoreError) -> ExecutionRecord? {
        try await claimNextExecution(node: node, excludingPipelines: [])
    }

    /// Applies the bundled migrations.
    public func migrate() async throws(StoreError) -> MigrationReport {
        try await migrate(bundledMigrations)
    }
}
