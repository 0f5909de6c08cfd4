package io.skytrade.engine.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the rows of one {@link Table} to one file in one {@link ExportFormat}. Closing finishes
 * the file (a Parquet file is readable only once closed). Single-threaded; tools only.
 */
public interface TableWriter extends AutoCloseable {
    /** Appends a complete row. */
    void write(Row row) throws IOException;

    /** Rows written so far. */
    long rows();

    /** The file being written. */
    Path file();

    @Override
    void close() throws IOException;
}
