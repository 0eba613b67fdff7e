#!/usr/bin/env python3
"""Reads a Parquet file with pyarrow (the reference reader) and prints what it sees as JSON:
schema (Arrow types, Parquet physical/logical/converted types), every value, and per row group
and column the codec, encodings and statistics. The Parquet tests compare it with the source.

    scripts/parquet_check.py FILE

Values are made JSON-safe: timestamps are microseconds, dates days, decimals their text,
binary and UUIDs hex (pyarrow reads UUID columns as its arrow.uuid extension type), non-finite floats the strings "NaN", "Infinity", "-Infinity".
"""
import json
import math
import sys
import uuid

import pyarrow as pa
import pyarrow.parquet as pq


def safe(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, uuid.UUID):
        return value.hex
    return value


def column_values(array):
    kind = array.type
    if pa.types.is_timestamp(kind):
        return array.cast(pa.int64()).to_pylist()
    if pa.types.is_date32(kind):
        return array.cast(pa.int32()).to_pylist()
    if pa.types.is_decimal(kind):
        return [None if v is None else str(v) for v in array.to_pylist()]
    return [safe(v) for v in array.to_pylist()]


def statistics(stats):
    if stats is None:
        return None
    result = {"null_count": stats.null_count, "has_min_max": stats.has_min_max}
    if stats.has_min_max:
        result["min"] = str(stats.min)
        result["max"] = str(stats.max)
        result["min_raw"] = safe(stats.min_raw)
        result["max_raw"] = safe(stats.max_raw)
    return result


def main():
    path = sys.argv[1]
    parquet = pq.ParquetFile(path)
    metadata = parquet.metadata
    table = parquet.read()
    columns = []
    for index, field in enumerate(table.schema):
        leaf = parquet.schema.column(index)
        columns.append({
            "name": field.name,
            "arrow_type": str(field.type),
            "physical_type": leaf.physical_type,
            "logical_type": str(leaf.logical_type),
            "converted_type": leaf.converted_type,
            "max_definition_level": leaf.max_definition_level,
        })
    row_groups = []
    for group_index in range(metadata.num_row_groups):
        group = metadata.row_group(group_index)
        chunks = []
        for column_index in range(group.num_columns):
            chunk = group.column(column_index)
            chunks.append({
                "compression": chunk.compression,
                "encodings": list(chunk.encodings),
                "has_dictionary_page": chunk.has_dictionary_page,
                "num_values": chunk.num_values,
                "statistics": statistics(chunk.statistics),
            })
        row_groups.append({"num_rows": group.num_rows, "columns": chunks})
    print(json.dumps({
        "num_rows": metadata.num_rows,
        "num_row_groups": metadata.num_row_groups,
        "created_by": metadata.created_by,
        "columns": columns,
        "values": {name: column_values(table.column(name).combine_chunks()) for name in table.column_names},
        "row_groups": row_groups,
    }))


if __name__ == "__main__":
    main()
