package dev.ferry.heroku;

import dev.ferry.event.EventSink;
import dev.ferry.event.FerryEvent;

/**
 * Hands events to a sink one at a time. Heroku answers arrive on HTTP client threads at once; the CLI's sink must
 * not have to be thread-safe.
 */
final class SerializedSink implements EventSink {

    private final EventSink target;

    private SerializedSink(EventSink target) {
        this.target = target;
    }

    static EventSink of(EventSink target) {
        return target instanceof SerializedSink ? target : new SerializedSink(target);
    }

    @Override
    public void emit(FerryEvent event) {
        // the lock is the target itself, so that every wrapper around the same sink shares it
        synchronized (target) {
            target.emit(event);
        }
    }
}
