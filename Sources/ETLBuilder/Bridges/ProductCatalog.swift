import Connectors
import Parquet
import Pipelines
import PostgresConnector

/// Everything this build can run: the pipeline modules of every connector and the connection
/// types they read. `serve`, `run`, `validate` and the connection commands share it.
enum ProductCatalog {
    /// Files and transforms, PostgreSQL, Parquet.
    static let modules: ModuleRegistry = {
        var registry = ModuleRegistry.builtIn
        for module in PostgresModules.all + [ParquetLoaderModule()] { registry.register(module) }
        return registry
    }()

    /// The connection types whose configs are checked on create and update.
    static let connectionTypes = ConnectionTypeCatalog([.postgres, .file])
}
