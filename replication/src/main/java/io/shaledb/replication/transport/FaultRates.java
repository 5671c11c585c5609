package io.shaledb.replication.transport;

/**
 * How an {@link InMemoryTransport} mistreats the batches on one link. Probabilities are per
 * batch except {@code messageDropProbability}, which is drawn for every envelope of a batch that
 * survived the batch-level drop. Delays are in the transport's time unit, drawn uniformly from
 * {@code [minDelay, maxDelay]} for every copy of a batch; a range wider than the gap between two
 * sends reorders them.
 *
 * @param dropProbability        chance a whole batch is lost, in {@code [0, 1]}
 * @param duplicateProbability   chance a batch is delivered twice (each copy has its own delay)
 * @param messageDropProbability chance each envelope of a delivered batch is removed from it
 * @param minDelay               smallest delay, {@code >= 0}
 * @param maxDelay               largest delay, {@code >= minDelay}
 */
public record FaultRates(double dropProbability, double duplicateProbability,
                         double messageDropProbability, long minDelay, long maxDelay) {
    /** A perfect link: nothing lost, duplicated or delayed. */
    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0);

    public FaultRates {
        checkProbability("dropProbability", dropProbability);
        checkProbability("duplicateProbability", duplicateProbability);
        checkProbability("messageDropProbability", messageDropProbability);
        if (minDelay < 0 || maxDelay < minDelay) {
            throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay: " + minDelay
                    + ".." + maxDelay);
        }
    }

    public FaultRates withDrop(double p) {
        return new FaultRates(p, duplicateProbability, messageDropProbability, minDelay, maxDelay);
    }

    public FaultRates withDuplicate(double p) {
        return new FaultRates(dropProbability, p, messageDropProbability, minDelay, maxDelay);
    }

    public FaultRates withMessageDrop(double p) {
        return new FaultRates(dropProbability, duplicateProbability, p, minDelay, maxDelay);
    }

    public FaultRates withDelay(long min, long max) {
        return new FaultRates(dropProbability, duplicateProbability, messageDropProbability,
                min, max);
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }
}
