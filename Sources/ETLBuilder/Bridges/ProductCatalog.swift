import Connectors
import HTTPConnector
import Parquet
import Pipelines
import PostgresConnector
import S3Connector

/// Everything this build can run: the pipeline modules of every connector and the connection
/// types they read. `serve`, `run`, `validate` and the connection commands share it.
enum ProductCatalog {
    /// Files and transforms, PostgreSQL, Parquet, HTTP sources, S3.
    static let modules: ModuleRegistry = {
        var registry = ModuleRegistry.builtIn
        for module in PostgresModules.all + [ParquetLoaderModule()] + HTTPModules.all + S3Modules.all { registry.register(module) }
        return registry
    }()

    /// The connection types whose configs are checked on create and update.
    static let connectionTypes = ConnectionTypeCatalog([.postgres, .s3, .http, .file])
}
