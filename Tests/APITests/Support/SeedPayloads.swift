/// The example payloads of the API document (shared/seed), verbatim.
enum SeedPayloads {
    static let pipelineConfigText = """
        {
            "nodes": [
              {
                "id": "node-1",
                "type": "extractor",
                "module": "postgres",
                "position": {"x": 100, "y": 100},
                "config": {
                  "connection_id": "conn-uuid",
                  "query": "SELECT * FROM users WHERE created_at > :start_date"
                }
              },
              {
                "id": "node-2",
                "type": "transformer",
                "module": "cleaner",
                "position": {"x": 300, "y": 100},
                "config": {
                  "remove_duplicates": true,
                  "columns": ["email"]
                }
              },
              {
                "id": "node-3",
                "type": "loader",
                "module": "s3",
                "position": {"x": 500, "y": 100},
                "config": {
                  "bucket": "data-lake",
                  "path": "processed/users/",
                  "format": "parquet"
                }
              }
            ],
            "edges": [
              {"source": "node-1", "target": "node-2"},
              {"source": "node-2", "target": "node-3"}
            ]
          }
        """

    static let createPipeline = """
        {
          "name": "New Data Pipeline",
          "description": "Pipeline description",
          "config": \(pipelineConfigText),
          "schedule": "0 2 * * *",
          "tags": ["users", "daily"],
          "default_params": {
            "start_date": "2025-01-01"
          }
        }
        """

    static let register = """
        {
          "username": "john_doe",
          "email": "john@example.com",
          "password": "SecurePassword123!",
          "full_name": "John Doe"
        }
        """

    static let execute = """
        {
          "params": {
            "start_date": "2025-01-15",
            "end_date": "2025-01-20"
          }
        }
        """

    static let createConnection = """
        {
          "name": "Production Database",
          "type": "postgres",
          "description": "Main production PostgreSQL database",
          "config": {
            "host": "db.example.com",
            "port": 5432,
            "database": "production",
            "username": "etl_user",
            "password": "secure_password",
            "ssl_mode": "require"
          }
        }
        """
}
