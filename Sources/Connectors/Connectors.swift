/// The `Connectors` module of etl-builder; its issue fills it in.
