package io.shaledb.replication.raft;

import java.util.List;

/**
 * Work a {@link RaftNode} hands to its driver. The driver must, in this order:
 * <ol>
 *   <li>if {@link #snapshot()} is non-null, durably install it in the log storage: it replaces
 *       the whole stored log (every stored entry is dropped; the log continues after the
 *       snapshot's index, whose term the storage keeps answering), see
 *       {@link MemoryRaftStorage#applySnapshot(Snapshot)};</li>
 *   <li>durably write {@link #entries()} (replacing any stored entries at the same or higher
 *       indexes; after a snapshot they start right after its index) and, if non-null,
 *       {@link #hardState()} — steps 1 and 2 may share one atomic write;</li>
 *   <li>only then send {@link #messages()} — they may acknowledge the entries or snapshot just
 *       written or depend on the vote just recorded;</li>
 *   <li>if {@link #snapshot()} is non-null, replace the state machine's state with the
 *       snapshot's data <em>before</em> applying any committed entry: the entries that follow
 *       build on it;</li>
 *   <li>apply {@link #committedEntries()} to the state machine in order (all are committed and
 *       already durable on this member); with the applied index, record the membership
 *       {@link RaftNode#membershipAt(long)} at it (it changes at {@link EntryType#CONF_CHANGE}
 *       entries, and after a snapshot is the snapshot's) to pass back at restart;</li>
 *   <li>serve {@link #readStates()} once the applied index reaches their index;</li>
 *   <li>call {@link RaftNode#advance(Ready)} with this object.</li>
 * </ol>
 *
 * @param entries          new or rewritten log entries to persist, ascending, contiguous
 * @param hardState        the hard state to persist, or {@code null} if unchanged
 * @param messages         messages to send after persisting
 * @param committedEntries committed entries to apply, ascending, contiguous; after a snapshot
 *                         they continue at its index + 1
 * @param readStates       confirmed ReadIndex requests
 * @param snapshot         a snapshot received from the leader to install, or {@code null}; its
 *                         index is above every entry this member applied before
 */
public record Ready(List<LogEntry> entries, HardState hardState, List<RaftMessage> messages,
                    List<LogEntry> committedEntries, List<ReadState> readStates, Snapshot snapshot) {
    public Ready {
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        committedEntries = List.copyOf(committedEntries);
        readStates = List.copyOf(readStates);
        if (snapshot != null && !entries.isEmpty() && entries.get(0).index() != snapshot.index() + 1) {
            throw new IllegalArgumentException("entries after " + snapshot + " start at " + entries.get(0).index());
        }
    }

    /** A Ready without a snapshot. */
    public Ready(List<LogEntry> entries, HardState hardState, List<RaftMessage> messages,
                 List<LogEntry> committedEntries, List<ReadState> readStates) {
        this(entries, hardState, messages, committedEntries, readStates, null);
    }
}
