package io.skytrade.engine.export;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link Table} as one Parquet file with parquet-java's writer on a local file: every
 * column optional (an absent value is null), INT as INT32, LONG as INT64, DOUBLE as DOUBLE, STRING
 * as UTF-8 BINARY (dictionary-encoded where it pays), TIMESTAMP as INT64 TIMESTAMP(NANOS, UTC);
 * dictionaries for every column but times, sequences and order ids; GZIP pages through
 * {@link JdkCodecs}; row groups of at most 32 MiB. No Hadoop class is loaded:
 * the writer gets a plain configuration, a local output file and the JDK codecs. The file is
 * complete and readable only once {@link #close()} has written its footer.
 *
 * <p>Tools only; allocates per page and per string.
 */
public final class ParquetTableWriter implements TableWriter {
    private static final long ROW_GROUP_BYTES = 32L << 20;

    private final Path file;
    private final ParquetWriter<Row> writer;
    private long rows;

    public ParquetTableWriter(final Table table, final Path file) throws IOException {
        this.file = file;
        final MessageType schema = schema(table);
        final Builder builder = new Builder(new LocalOutputFile(file), schema);
        for (final Table.Column c : table.columns()) {
            if (nearlyDistinct(c)) {
                builder.withDictionaryEncoding(c.name(), false);
            }
        }
        this.writer = builder
            .withCodecFactory(new JdkCodecs())
            .withCompressionCodec(CompressionCodecName.GZIP)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .build();
    }

    /**
     * Times, sequences and order ids hardly repeat: a dictionary would only cost time (it was most
     * of the writer's CPU) before Parquet falls back to plain encoding, so they are written plain.
     */
    private static boolean nearlyDistinct(final Table.Column c) {
        return c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.LONG
            && (c.name().endsWith("_nanos") || c.name().endsWith("sequence") || c.name().endsWith("order_id"));
    }

    /** The Parquet schema of a table: one optional primitive column per table column. */
    static MessageType schema(final Table table) {
        final Types.MessageTypeBuilder b = Types.buildMessage();
        for (final Table.Column c : table.columns()) {
            switch (c.type()) {
                case INT -> b.optional(PrimitiveTypeName.INT32).named(c.name());
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                case TIMESTAMP -> b.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named(c.name());
                default -> throw new IllegalStateException(table.name() + ": column type " + c.type());
            }
        }
        return b.named(table.name());
    }

    @Override
    public void write(final Row row) throws IOException {
        row.checkComplete();
        writer.write(row);
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** parquet-java's builder, given the plain configuration so that it never builds a Hadoop one. */
    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final MessageType schema;

        Builder(final LocalOutputFile file, final MessageType schema) {
            super(file);
            this.schema = schema;
            withConf(new PlainParquetConfiguration());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Abstract (and deprecated) in parquet-java; build() calls the plain-configuration overload below. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<Row> getWriteSupport(final Configuration conf) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(final ParquetConfiguration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /** Hands a {@link Row}'s present values to Parquet's record consumer, column by column. */
    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final MessageType schema;
        private RecordConsumer consumer;

        RowWriteSupport(final MessageType schema) {
            this.schema = schema;
        }

        /** Abstract (and deprecated) in parquet-java; the writer calls the plain-configuration overload below. */
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(final Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(final ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(final RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(final Row row) {
            consumer.startMessage();
            for (int i = 0; i < row.size(); i++) {
                if (!row.isPresent(i)) {
                    continue;
                }
                final String name = schema.getFieldName(i);
                consumer.startField(name, i);
                switch (row.typeAt(i)) {
                    case INT -> consumer.addInteger((int) row.longAt(i));
                    case LONG, TIMESTAMP -> consumer.addLong(row.longAt(i));
                    case DOUBLE -> consumer.addDouble(row.doubleAt(i));
                    case STRING -> consumer.addBinary(Binary.fromString(row.stringAt(i)));
                    default -> throw new IllegalStateException("column type " + row.typeAt(i));
                }
                consumer.endField(name, i);
            }
            consumer.endMessage();
        }
    }
}
