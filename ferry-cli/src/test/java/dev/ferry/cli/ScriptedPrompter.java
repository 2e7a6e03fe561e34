package dev.ferry.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers prompts from a script, in order, and records what was asked. Keystrokes are JLinePrompterTest's job. */
final class ScriptedPrompter implements Prompter {

    private final Deque<String> answers;
    private final List<String> questions = new ArrayList<>();
    private final List<List<String>> choicesOffered = new ArrayList<>();

    ScriptedPrompter(List<String> answers) {
        this.answers = new ArrayDeque<>(answers);
    }

    List<String> questions() {
        return questions;
    }

    List<List<String>> choicesOffered() {
        return choicesOffered;
    }

    private String next(String question) {
        questions.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.removeFirst();
    }

    @Override
    public String select(String question, List<String> choices) {
        choicesOffered.add(List.copyOf(choices));
        String answer = next(question);
        if (!choices.contains(answer)) {
            throw new AssertionError(answer + " is not among " + choices);
        }
        return answer;
    }

    @Override
    public String ask(String question, String defaultAnswer) {
        return next(question);
    }

    @Override
    public char[] askSecret(String question) {
        return next(question).toCharArray();
    }

    @Override
    public boolean confirm(String question, boolean defaultYes) {
        return next(question).startsWith("y");
    }

    @Override
    public void close() {
    }
}
