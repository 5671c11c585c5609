package io.shaledb.replication.raft;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the replicated log.
 *
 * <p>Two entries with the same index and term are identical on every member (Log Matching). The
 * {@code data} array is shared, not copied: nobody may mutate it after construction. Equality
 * compares the data bytes.
 *
 * @param term  the leader term that created the entry, {@code >= 1}
 * @param index position in the log, {@code >= 1}
 * @param type  command or leader no-op
 * @param data  the command bytes; empty for {@link EntryType#NOOP}
 */
public record LogEntry(long term, long index, EntryType type, byte[] data) {
    private static final byte[] EMPTY = new byte[0];

    public LogEntry {
        if (term < 1) {
            throw new IllegalArgumentException("entry term must be >= 1: " + term);
        }
        if (index < 1) {
            throw new IllegalArgumentException("entry index must be >= 1: " + index);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (type == EntryType.NOOP && data.length != 0) {
            throw new IllegalArgumentException("a NOOP entry carries no data");
        }
    }

    static LogEntry noop(long term, long index) {
        return new LogEntry(term, index, EntryType.NOOP, EMPTY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEntry e && e.term == term && e.index == index && e.type == type
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, index, type, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "LogEntry[" + index + "@" + term + " " + type + " " + data.length + "B]";
    }
}
