package dev.ferry.cli;

/** The person pressed Ctrl-C or Ctrl-D at a prompt. Nothing has been written when this is thrown. */
final class PromptCancelledException extends RuntimeException {

    PromptCancelledException() {
        super("cancelled at the prompt; nothing was written");
    }
}
