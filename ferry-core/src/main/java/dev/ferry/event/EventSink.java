package dev.ferry.event;

/** Where the core sends its events; the CLI supplies one that renders them. */
@FunctionalInterface
public interface EventSink {

    void emit(FerryEvent event);

    /** A sink that drops every event, for tests and for callers that do not care. */
    EventSink NONE = event -> { };
}
