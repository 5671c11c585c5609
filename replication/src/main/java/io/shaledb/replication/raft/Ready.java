package io.shaledb.replication.raft;

import java.util.List;

/**
 * Work a {@link RaftNode} hands to its driver. The driver must, in this order:
 * <ol>
 *   <li>durably write {@link #entries()} (replacing any stored entries at the same or higher
 *       indexes) and, if non-null, {@link #hardState()};</li>
 *   <li>only then send {@link #messages()} — they may acknowledge the entries just written or
 *       depend on the vote just recorded;</li>
 *   <li>apply {@link #committedEntries()} to the state machine in order (all are committed and
 *       already durable on this member);</li>
 *   <li>serve {@link #readStates()} once the applied index reaches their index;</li>
 *   <li>call {@link RaftNode#advance(Ready)} with this object.</li>
 * </ol>
 *
 * @param entries          new or rewritten log entries to persist, ascending, contiguous
 * @param hardState        the hard state to persist, or {@code null} if unchanged
 * @param messages         messages to send after persisting
 * @param committedEntries committed entries to apply, ascending, contiguous
 * @param readStates       confirmed ReadIndex requests
 */
public record Ready(List<LogEntry> entries, HardState hardState, List<RaftMessage> messages,
                    List<LogEntry> committedEntries, List<ReadState> readStates) {
    public Ready {
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        committedEntries = List.copyOf(committedEntries);
        readStates = List.copyOf(readStates);
    }
}
