package dev.ferry.cli;

/** Opens the terminal prompter on first use only, so a non-interactive run never touches the terminal. */
final class PrompterHolder implements AutoCloseable {

    private final CliContext context;
    private final boolean allowed;
    private Prompter prompter;

    PrompterHolder(CliContext context, boolean allowed) {
        this.context = context;
        this.allowed = allowed;
    }

    boolean allowed() {
        return allowed;
    }

    Prompter get() {
        if (!allowed) {
            throw new IllegalStateException("prompting is not allowed in a non-interactive run");
        }
        if (prompter == null) {
            prompter = context.prompter().get();
        }
        return prompter;
    }

    @Override
    public void close() {
        if (prompter != null) {
            prompter.close();
        }
    }
}
